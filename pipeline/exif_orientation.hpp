// The EXIF orientation of a JPEG: how a camera or a phone says its pixels must be turned to show
// the picture upright. Viewers and browsers honour it; a PDF shows the pixels as stored unless
// told, so a phone's portrait photo would lie on its side.
#pragma once

#include <cstdint>
#include <span>

namespace factpress {

// 1 (as stored) to 8, from the JPEG's APP1 "Exif" segment before its first scan; 1 when there is
// none or it cannot be read.
int exif_orientation(std::span<const std::uint8_t> jpeg);

} // namespace factpress
