#include "factcheck/publication_text.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <vector>

#include "text/ascii_case.h"

namespace tw::factcheck {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int Number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

int DaysInMonth(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

// Year, month and day of a date DatePart accepts.
struct CalendarDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

bool ParseDate(std::string_view iso, CalendarDate* date) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(iso[i])) return false;
  }
  // A longer text must go on as a time ("T09:30") or a space-separated time, not as more digits.
  if (iso.size() > 10 && iso[10] != 'T' && iso[10] != 't' && iso[10] != ' ') return false;
  date->year = Number(iso.substr(0, 4));
  date->month = Number(iso.substr(5, 2));
  date->day = Number(iso.substr(8, 2));
  return date->year > 0 && date->month >= 1 && date->month <= 12 && date->day >= 1 &&
         date->day <= DaysInMonth(date->year, date->month);
}

}  // namespace

std::string VerdictLabel(std::string_view verdict) {
  std::string label;
  label.reserve(verdict.size());
  for (char c : verdict) label += c == '-' ? ' ' : c;
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') {
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
  }
  return label;
}

VerdictTone ToneOf(int rating, int scale_size) {
  if (rating < 1 || scale_size < 2 || rating > scale_size) return VerdictTone::kUnknown;
  // 0 for the best verdict, 1 for the worst.
  const double badness = static_cast<double>(scale_size - rating) / (scale_size - 1);
  if (badness < 0.2) return VerdictTone::kGood;
  if (badness >= 0.7) return VerdictTone::kBad;
  return VerdictTone::kMixed;
}

std::string_view VerdictToneName(VerdictTone tone) {
  switch (tone) {
    case VerdictTone::kGood: return "good";
    case VerdictTone::kMixed: return "mixed";
    case VerdictTone::kBad: return "bad";
    case VerdictTone::kUnknown: return "unknown";
  }
  return "unknown";
}

bool IsCorrected(const FactCheck& fact_check) {
  return fact_check.status == FactCheckStatus::kPublished && !fact_check.change_note.empty() &&
         !fact_check.published_at.empty() && !fact_check.updated_at.empty() &&
         fact_check.updated_at != fact_check.published_at;
}

std::string DatePart(std::string_view iso) {
  CalendarDate date;
  if (!ParseDate(iso, &date)) return {};
  return std::string(iso.substr(0, 10));
}

std::string LongDate(std::string_view iso) {
  CalendarDate date;
  if (!ParseDate(iso, &date)) return std::string(iso);
  return fmt::format("{} {} {}", date.day, kMonths[static_cast<std::size_t>(date.month - 1)],
                     date.year);
}

bool IsWebUrl(std::string_view url) {
  std::string_view rest;
  if (url.size() > 8 && text::EqualsIgnoringAsciiCase(url.substr(0, 8), "https://")) {
    rest = url.substr(8);
  } else if (url.size() > 7 && text::EqualsIgnoringAsciiCase(url.substr(0, 7), "http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest.front() == '/' || rest.front() == '?' || rest.front() == '#') {
    return false;  // no host
  }
  for (char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' ||
        c == '\\' || c == '`' || c == '{' || c == '}' || c == '|' || c == '^') {
      return false;
    }
  }
  return true;
}

std::string StatementRecordName(const Claim& claim, std::string_view actor_name) {
  std::string name =
      actor_name.empty() ? std::string("Statement") : fmt::format("Statement by {}", actor_name);
  if (claim.session > 0) name += fmt::format(", session {}", claim.session);
  if (!DatePart(claim.date).empty()) name += ", " + LongDate(claim.date);
  std::string grade(SourceGradeName(claim.source_grade));
  for (char& c : grade) {
    if (c == '-') c = ' ';
  }
  return fmt::format("{} ({})", name, grade);
}

std::string AnchorStateSentence(const Evidence& evidence) {
  switch (evidence.status) {
    case AnchorStatus::kIntact:
    case AnchorStatus::kMoved: return {};
    case AnchorStatus::kChanged:
      return fmt::format(
          "Needs review: these words were changed in a newer version of the document (the "
          "closest passage is {:.0f}% similar).",
          std::floor(100 * evidence.similarity));
    case AnchorStatus::kLost:
      return "Needs review: these words are no longer in the newest version of the document.";
    case AnchorStatus::kAmbiguous:
      return "Needs review: these words now appear in more than one place of the newest version "
             "of the document.";
  }
  return {};
}

}  // namespace tw::factcheck
