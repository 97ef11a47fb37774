// Turning command-line PATHs into the list of documents to process, with their output names.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace factpress {

struct InputDocument {
    std::filesystem::path source;
    std::filesystem::path output_stem; // relative to the out-dir, without extension
    // An earlier document whose outputs would have the same names: this one is then not built.
    std::filesystem::path same_outputs_as;
    bool found_in_folder = false; // not named on the command line
};

// Files are taken as given; folders are searched recursively for *.xml (sorted, so runs repeat).
// A file named twice for the same outputs (as a file and inside a folder, say) counts once; two
// files with the same output names are both listed, the later one marked (same_outputs_as).
// Returns nullopt and names the path in `missing` when a PATH does not exist; folders holding no
// *.xml are named in `empty_folders`.
std::optional<std::vector<InputDocument>> collect_inputs(const std::vector<std::string>& paths,
                                                         std::string& missing,
                                                         std::vector<std::string>& empty_folders);

// The deterministic K-th share (1-based) of N: by a hash of the output name, stable across
// machines.
std::vector<InputDocument> select_shard(std::vector<InputDocument> inputs, int k, int n);

} // namespace factpress
