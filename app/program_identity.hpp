// What identifies this build of factpress, so that a rebuilt program redoes its outputs.
#pragma once

#include <string>

namespace factpress::cli {

// The linker's GNU build-id of the running program, as hex; when the program carries none, a hash
// of its file (slower: the whole executable is read).
std::string program_identity();

} // namespace factpress::cli
