// BitRows: a table of equally long bit sets stored in one flat vector — which patterns matched
// in each text segment, each provision's subtree, each article's categories. One allocation per
// table keeps the per-document evaluation cache friendly. Value type; not thread-safe to mutate.
#ifndef TREATYWATCH_AUDIT_BIT_ROWS_H_
#define TREATYWATCH_AUDIT_BIT_ROWS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tw::audit {

class BitRows {
 public:
  BitRows() = default;
  BitRows(std::size_t rows, std::size_t bits)
      : words_((bits + 63) / 64), data_(rows * words_, 0) {}

  std::size_t words() const { return words_; }

  void Set(std::size_t row, std::size_t bit) {
    data_[row * words_ + bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  bool Test(std::size_t row, std::size_t bit) const {
    return (data_[row * words_ + bit / 64] >> (bit % 64)) & 1u;
  }
  // row `dst` |= row `src` of `other` (same width).
  void OrRow(std::size_t dst, const BitRows& other, std::size_t src) {
    std::uint64_t* to = &data_[dst * words_];
    const std::uint64_t* from = &other.data_[src * words_];
    for (std::size_t i = 0; i < words_; ++i) to[i] |= from[i];
  }
  bool AnyInRow(std::size_t row) const {
    for (std::size_t i = 0; i < words_; ++i) {
      if (data_[row * words_ + i] != 0) return true;
    }
    return false;
  }

 private:
  std::size_t words_ = 0;
  std::vector<std::uint64_t> data_;
};

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_BIT_ROWS_H_
