// Walking a PNG's chunks, and the one rule about them that decoding imposes: which file gammas
// libpng's simplified reading corrects.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace factpress {

// The 32-bit number at `p`, most significant byte first, as PNG and ICC write them.
inline std::uint32_t big_endian32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

// Calls `visit(kind, data)` for each chunk after the signature, in order, up to and including
// IEND; stops where `visit` returns false or a chunk runs past the end. True when IEND was reached.
template <typename Visit> bool visit_png_chunks(std::span<const std::uint8_t> bytes, Visit visit) {
    constexpr std::size_t signature = 8;
    for (std::size_t at = signature; at + 12 <= bytes.size();) {
        std::uint32_t length = big_endian32(&bytes[at]);
        if (length > bytes.size() - at - 12) return false;
        std::string_view kind(reinterpret_cast<const char*>(&bytes[at + 4]), 4);
        if (!visit(kind, bytes.subspan(at + 8, length))) return false;
        if (kind == "IEND") return true;
        at += 12 + length;
    }
    return false;
}

// Whether decoding changes a PNG's samples for their gamma, told its chunks one by one (see()):
// libpng's simplified reading corrects a file gamma (gAMA, in 1/100000) that is not sRGB's (1/2.2,
// within 5%) to sRGB, unless an sRGB chunk says the samples are sRGB's; within 4% of it,
// decoding gives the stored samples.
class GammaCorrection {
  public:
    void see(std::string_view kind, std::span<const std::uint8_t> data) {
        if (kind == "sRGB") srgb_ = true;
        if (kind == "gAMA" && data.size() == 4) {
            std::uint32_t gamma = big_endian32(data.data());
            other_gamma_ = gamma < 43700 || gamma > 47300;
        }
    }
    bool changes_samples() const { return other_gamma_ && !srgb_; }

  private:
    bool srgb_ = false, other_gamma_ = false;
};

} // namespace factpress
