// Compiled with -mavx512bw (src/reuse/CMakeLists.txt); called only when the CPU has AVX-512BW.
#include "reuse/alignment_kernel_body.h"

namespace tw::reuse::kernel_detail {

void ScoreBatchAvx512(const Batch& batch, std::int16_t* scores) {
  ScoreBatchWithVectors<32>(batch, scores);
}

}  // namespace tw::reuse::kernel_detail
