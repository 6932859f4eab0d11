#include "ingest/block_writer.h"

#include "text/utf8.h"

namespace tw::ingest {
namespace {

enum class CharClass { kVisible, kSpace, kDropped };

CharClass Classify(char32_t cp) {
  if (cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
      (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
      cp == 0x205F || cp == 0x3000) {
    return CharClass::kSpace;
  }
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD || cp == 0x200B || cp == 0x2060 ||
      cp == 0xFEFF) {
    return CharClass::kDropped;
  }
  return CharClass::kVisible;
}

// Decodes the code point at `i` (advancing `i`); an ill-formed sequence yields U+FFFD and
// consumes one byte.
char32_t DecodeAt(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return cp;
}

bool AllUnderscores(std::string_view s) {
  if (s.size() < 5) return false;
  for (char c : s) {
    if (c != '_') return false;
  }
  return true;
}

}  // namespace

void BlockWriter::AddText(std::string_view text, std::size_t source_begin) {
  Add(text, source_begin, true);
}

void BlockWriter::AddSynthetic(std::string_view text, std::size_t source_at) {
  Add(text, source_at, false);
}

void BlockWriter::AddSpace(std::size_t source_at) {
  if (pieces_.empty() || pending_space_) return;
  pending_space_ = true;
  pending_space_source_ = source_at;
}

void BlockWriter::Add(std::string_view text, std::size_t source_begin, bool exact) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    // A run of printable ASCII, most of any text, is visible as it stands: one Emit for the
    // run instead of one per character (which was most of the time of reading a plain text).
    // Synthetic text keeps one piece per character, each at the same source offset.
    while (exact && i < text.size() && text[i] > 0x20 && text[i] < 0x7F) ++i;
    if (i > start) {
      if (pending_space_) {
        pending_space_ = false;
        Emit(" ", pending_space_source_, exact);
      }
      Emit(text.substr(start, i - start), source_begin + start, exact);
      continue;
    }
    const char32_t cp = DecodeAt(text, i);
    const std::size_t source = exact ? source_begin + start : source_begin;
    switch (Classify(cp)) {
      case CharClass::kSpace:
        AddSpace(source);
        break;
      case CharClass::kDropped:
        break;
      case CharClass::kVisible:
        if (pending_space_) {
          pending_space_ = false;
          Emit(" ", pending_space_source_, exact);
        }
        if (cp == 0xFFFD && (i - start != 3 || text.substr(start, 3) != "\xEF\xBF\xBD")) {
          Emit("\xEF\xBF\xBD", source, false);
        } else {
          Emit(text.substr(start, i - start), source, exact);
        }
        break;
    }
  }
}

void BlockWriter::Emit(std::string_view bytes, std::size_t source, bool exact) {
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    if (exact && last.exact && last.source_begin + last.text.size() == source) {
      last.text.append(bytes);
      return;
    }
  }
  pieces_.push_back({std::string(bytes), source, exact});
}

void BlockWriter::EndBlock() {
  pending_space_ = false;
  if (pieces_.empty()) return;
  std::string joined;
  for (const Piece& piece : pieces_) joined += piece.text;
  if (AllUnderscores(joined)) {
    builder_.Append(kFootnoteSeparator, pieces_.front().source_begin, 0);
  } else if (text::IsNfc(joined)) {
    for (const Piece& piece : pieces_) builder_.Append(piece.text, piece.source_begin, 0);
  } else {
    // Normalising run by run keeps each run's own source offset; it is only valid when the
    // runs still compose to an NFC block (a combining mark may start the next run).
    std::vector<std::string> normalised;
    std::string recomposed;
    for (const Piece& piece : pieces_) {
      absl::StatusOr<std::string> nfc = text::ToNfc(piece.text);
      normalised.push_back(nfc.ok() ? *std::move(nfc) : piece.text);
      recomposed += normalised.back();
    }
    if (text::IsNfc(recomposed)) {
      for (std::size_t k = 0; k < pieces_.size(); ++k) {
        builder_.Append(normalised[k], pieces_[k].source_begin, 0);
      }
    } else {
      absl::StatusOr<std::string> nfc = text::ToNfc(joined);
      builder_.Append(nfc.ok() ? *nfc : joined, pieces_.front().source_begin, 0);
    }
  }
  builder_.EndBlock();
  pieces_.clear();
  ++block_count_;
}

doc::SourceText BlockWriter::Finish() {
  EndBlock();
  block_count_ = 0;
  return builder_.Finish(0);
}

}  // namespace tw::ingest
