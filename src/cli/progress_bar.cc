#include "cli/progress_bar.h"

#include <cstdio>

#include <fmt/format.h>

namespace tw::cli {
namespace {

constexpr int kBarWidth = 30;
constexpr std::size_t kMaxItemChars = 40;
// Redrawing faster than a terminal refresh only costs time on large folders.
constexpr std::chrono::milliseconds kMinRedraw{50};

}  // namespace

ProgressBar::ProgressBar(std::size_t total, bool enabled) : total_(total), enabled_(enabled) {}

ProgressBar::~ProgressBar() { Clear(); }

void ProgressBar::Update(std::size_t done, std::string_view item) {
  if (!enabled_ || total_ == 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < kMinRedraw && done < total_) return;
  last_draw_ = now;
  const int filled = static_cast<int>(kBarWidth * done / total_);
  std::string shown(item.substr(item.size() > kMaxItemChars ? item.size() - kMaxItemChars : 0));
  std::fprintf(stderr, "\r\x1b[2K[%s%s] %zu/%zu %s", std::string(filled, '#').c_str(),
               std::string(kBarWidth - filled, ' ').c_str(), done, total_, shown.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Clear() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\x1b[2K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace tw::cli
