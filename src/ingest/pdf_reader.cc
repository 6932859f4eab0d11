// ReadPdf: poppler-cpp extracts positioned text boxes page by page; the layout stages turn
// them into the SourceText contract:
//
//   poppler text_list()  ->  pdf_layout (words, lines)  ->  layout_running_text (headers,
//   footers, page numbers, symbols, job numbers)  ->  layout_footnotes (footnote areas)  ->
//   layout_paragraphs (blocks, de-hyphenation, "[n]" marks, footnotes last)
//
// Source offsets: a PDF has no byte offset for its text, so offsets refer to the reader's
// decoded stream: for each page in order, each poppler text box's UTF-8 text followed by one
// separator byte. Pages are exact per run of text.
//
// poppler reports problems through a process-wide error callback (by default to stderr). It
// is installed once and writes into a thread-local sink that a ReadPdf call owns while it
// runs, so messages end up in the Status instead of on the terminal.
//
// This file is the PDF reader module (pdf_reader_module.h): it alone links poppler.
#include "ingest/pdf_reader_module.h"

#include <fmt/format.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <poppler/cpp/poppler-rectangle.h>

#include <algorithm>
#include <climits>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ingest/layout_footnotes.h"
#include "ingest/layout_paragraphs.h"
#include "ingest/layout_running_text.h"
#include "ingest/pdf_layout.h"
#include "text/utf8.h"

namespace tw::ingest {
namespace {

// A page of text has a few thousand boxes (A/RES/79/243: ~500); far more is a hostile or
// broken file. The document total bounds memory (~100 bytes a box) whatever the page count.
constexpr std::size_t kMaxBoxesPerPage = 200'000;
constexpr std::size_t kMaxBoxesPerDocument = 5'000'000;
// Only the first few poppler messages are kept for the error text.
constexpr std::size_t kMaxCapturedMessages = 16;
// Where "%PDF-" may start (readers tolerate leading junk of up to 1 KB).
constexpr std::size_t kHeaderSearchBytes = 1024;

thread_local std::vector<std::string>* poppler_messages = nullptr;

void CapturePopplerMessage(const std::string& message, void* /*closure*/) {
  if (poppler_messages != nullptr && poppler_messages->size() < kMaxCapturedMessages) {
    poppler_messages->push_back(message);
  }
}

// Routes poppler's messages into `messages` for the lifetime of the object.
class PopplerMessageCapture {
 public:
  PopplerMessageCapture() : previous_(poppler_messages) {
    static std::once_flag installed;
    std::call_once(installed,
                   [] { poppler::set_debug_error_function(CapturePopplerMessage, nullptr); });
    poppler_messages = &messages_;
  }
  ~PopplerMessageCapture() { poppler_messages = previous_; }
  PopplerMessageCapture(const PopplerMessageCapture&) = delete;
  PopplerMessageCapture& operator=(const PopplerMessageCapture&) = delete;

  // The first message, without poppler's "poppler/error (12): " and "Syntax Error: "
  // prefixes, or `fallback`.
  std::string First(std::string_view fallback) const {
    if (messages_.empty()) return std::string(fallback);
    std::string message = messages_.front();
    const auto strip = [&message](std::string_view prefix) {
      if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
    };
    strip("poppler/error");
    if (message.rfind(" (", 0) == 0) {
      if (const std::size_t close = message.find(')'); close != std::string::npos) {
        message.erase(0, close + 1);
      }
    }
    strip(": ");
    for (std::string_view category :
         {"Syntax Error: ", "Syntax Warning: ", "Internal Error: ", "Error: ", "error: "}) {
      strip(category);
    }
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    return message.empty() ? std::string(fallback) : message;
  }

 private:
  std::vector<std::string>* previous_;
  std::vector<std::string> messages_;
};

// poppler's own ustring::to_utf8 opens an iconv converter per call, which costs as much as
// all of our layout work; the text is UTF-16 and converts directly. Lone surrogates become
// U+FFFD.
std::string ToUtf8(const poppler::ustring& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t cp = text[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 &&
        text[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (text[i + 1] - 0xDC00);
      ++i;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else {
      text::AppendUtf8(out, cp);
    }
  }
  return out;
}

// Undoes a page-wide text rotation (a landscape table set sideways) so rows run left to
// right; `dominant` is poppler's rotation code: 1 = 90°, 2 = 180°, 3 = 270°.
void Unrotate(int dominant, double width, double height, PdfTextBox& box) {
  const double l = box.left, t = box.top, r = box.right, b = box.bottom;
  switch (dominant) {
    case 1:  // text runs down the page; lines stack from right to left
      box.left = t, box.top = width - r, box.right = b, box.bottom = width - l;
      break;
    case 2:  // upside down
      box.left = width - r, box.top = height - b, box.right = width - l, box.bottom = height - t;
      break;
    case 3:  // text runs up the page; lines stack from left to right
      box.left = height - b, box.top = l, box.right = height - t, box.bottom = r;
      break;
    default:
      break;
  }
}

std::string PageList(const std::vector<int>& pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size() && i < 10; ++i) {
    out += fmt::format("{}{}", i ? ", " : "", pages[i]);
  }
  if (pages.size() > 10) out += fmt::format(" and {} more", pages.size() - 10);
  return out;
}

absl::StatusOr<doc::SourceText> ReadPdfUnguarded(std::string_view name, std::string_view bytes,
                                                 const ReadOptions& options) {
  if (bytes.empty()) return absl::InvalidArgumentError(fmt::format("{}: the file is empty", name));
  if (bytes.size() > options.limits.max_file_bytes || bytes.size() > INT_MAX) {
    return absl::ResourceExhaustedError(
        fmt::format("{}: the PDF is {} bytes, over the limit of {}", name, bytes.size(),
                    std::min<std::size_t>(options.limits.max_file_bytes, INT_MAX)));
  }
  if (bytes.substr(0, kHeaderSearchBytes).find("%PDF-") == std::string_view::npos) {
    return absl::InvalidArgumentError(
        fmt::format("{}: not a PDF file (no %PDF- header at the start)", name));
  }

  PopplerMessageCapture capture;
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) {
    return absl::InvalidArgumentError(
        fmt::format("{}: not a readable PDF (damaged or truncated): {}", name,
                    capture.First("poppler could not open it")));
  }
  if (document->is_locked()) {
    return absl::PermissionDeniedError(fmt::format(
        "{}: the PDF is encrypted and needs a password; save an unprotected copy and ingest that",
        name));
  }
  const int page_count = document->pages();
  if (page_count <= 0) {
    return absl::InvalidArgumentError(fmt::format("{}: the PDF has no pages", name));
  }
  if (page_count > options.limits.max_pdf_pages) {
    return absl::ResourceExhaustedError(
        fmt::format("{}: the PDF has {} pages, over the limit of {}", name, page_count,
                    options.limits.max_pdf_pages));
  }

  std::vector<PageLayout> layouts;
  layouts.reserve(static_cast<std::size_t>(page_count));
  std::vector<int> pages_without_text;
  std::size_t rotated_dropped = 0;
  std::size_t source_offset = 0;
  std::size_t total_boxes = 0;
  for (int index = 0; index < page_count; ++index) {
    std::unique_ptr<poppler::page> page(document->create_page(index));
    PdfPage pdf_page;
    pdf_page.number = index + 1;
    if (!page) {
      return absl::DataLossError(fmt::format("{}: page {}: cannot be read: {}", name, index + 1,
                                             capture.First("poppler returned no page")));
    }
    const poppler::rectf rect = page->page_rect();
    pdf_page.width = rect.width();
    pdf_page.height = rect.height();
    const poppler::page::orientation_enum orientation = page->orientation();
    if (orientation == poppler::page::landscape || orientation == poppler::page::seascape) {
      std::swap(pdf_page.width, pdf_page.height);
    }
    std::vector<poppler::text_box> boxes = page->text_list();
    if (boxes.size() > kMaxBoxesPerPage) {
      return absl::ResourceExhaustedError(
          fmt::format("{}: page {}: {} text boxes, over the limit of {}", name, index + 1,
                      boxes.size(), kMaxBoxesPerPage));
    }
    total_boxes += boxes.size();
    if (total_boxes > kMaxBoxesPerDocument) {
      return absl::ResourceExhaustedError(
          fmt::format("{}: page {}: over {} text boxes in the document", name, index + 1,
                      kMaxBoxesPerDocument));
    }
    int rotation_counts[4] = {0, 0, 0, 0};
    for (const poppler::text_box& box : boxes) ++rotation_counts[box.rotation() & 3];
    int dominant = 0;
    for (int r = 1; r < 4; ++r) {
      if (rotation_counts[r] > rotation_counts[dominant]) dominant = r;
    }
    pdf_page.boxes.reserve(boxes.size());
    for (const poppler::text_box& box : boxes) {
      std::string text = ToUtf8(box.text());
      const poppler::rectf bbox = box.bbox();
      PdfTextBox out{std::move(text), bbox.left(),   bbox.top(),
                     bbox.right(),    bbox.bottom(), source_offset};
      source_offset += out.text.size() + 1;
      if ((box.rotation() & 3) != dominant) {
        ++rotated_dropped;
        continue;
      }
      Unrotate(dominant, pdf_page.width, pdf_page.height, out);
      pdf_page.boxes.push_back(std::move(out));
    }
    if (dominant == 1 || dominant == 3) std::swap(pdf_page.width, pdf_page.height);
    if (pdf_page.boxes.empty()) pages_without_text.push_back(pdf_page.number);
    layouts.push_back(BuildPageLines(pdf_page));
  }
  if (static_cast<int>(pages_without_text.size()) == page_count) {
    return absl::FailedPreconditionError(fmt::format(
        "{}: no text layer; run OCR first (the PDF's {} pages are images only)", name, page_count));
  }

  std::vector<std::string> notes = RemoveRunningText(layouts);
  std::vector<std::vector<LayoutLine>> footnotes = SplitFootnoteAreas(layouts);
  if (!pages_without_text.empty()) {
    notes.push_back(
        fmt::format("pages without a text layer (images only?): {}", PageList(pages_without_text)));
  }
  if (rotated_dropped > 0) {
    notes.push_back(fmt::format("{} words set at an angle to their page's text were left out",
                                rotated_dropped));
  }
  doc::SourceText text = AssembleSourceText(layouts, footnotes, page_count, std::move(notes));
  if (text.text.empty()) {
    return absl::FailedPreconditionError(
        fmt::format("{}: the PDF has no text besides page headers and footers", name));
  }
  return text;
}

absl::StatusOr<doc::SourceText> ReadPdfWithPoppler(std::string_view name, std::string_view bytes,
                                                   const ReadOptions& options) {
  try {
    return ReadPdfUnguarded(name, bytes, options);
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError(fmt::format("{}: out of memory reading the PDF", name));
  } catch (const std::exception& e) {
    return absl::InternalError(fmt::format("{}: the PDF reader failed: {}", name, e.what()));
  }
}

}  // namespace
}  // namespace tw::ingest

extern "C" const void* TwPdfReaderModule() {
  static const tw::ingest::PdfReaderModule kModule{tw::ingest::kOptionalModuleAbi,
                                                   &tw::ingest::ReadPdfWithPoppler};
  return &kModule;
}
