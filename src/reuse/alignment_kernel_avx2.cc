// Compiled with -mavx2 (src/reuse/CMakeLists.txt); called only when the CPU has AVX2.
#include "reuse/alignment_kernel_body.h"

namespace tw::reuse::kernel_detail {

void ScoreBatchAvx2(const Batch& batch, std::int16_t* scores) {
  ScoreBatchWithVectors<16>(batch, scores);
}

}  // namespace tw::reuse::kernel_detail
