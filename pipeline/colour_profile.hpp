// What a JPEG or PNG says about its colours besides its samples: the colour profile (ICC) a camera
// or a designer's program embeds, without which a PDF takes the samples as device colours (an
// Adobe RGB photo then prints dull), and whether a four-colour JPEG stores its inks inverted.
#pragma once

#include "model/fact_sheet.hpp"

#include <cstdint>
#include <span>
#include <string>

namespace factpress {

// Sets `image.colour_profile` from the profile `bytes` embed (JPEG: the APP2 ICC_PROFILE segments
// joined; PNG: iCCP, unless decoding corrected the samples' gamma) and `image.inverted_inks` from
// a JPEG's Adobe APP14 segment, for an image decoded from `bytes`. Returns why an embedded profile
// is not used (damaged, or not for the image's colours), else "".
std::string read_colour_profile(std::span<const std::uint8_t> bytes, Image& image);

// Whether `profile` is a whole ICC profile for `channels` colour components (1 grey, 3 RGB,
// 4 CMYK): what is wrong, or "".
std::string profile_problem(std::span<const std::uint8_t> profile, int channels);

} // namespace factpress
