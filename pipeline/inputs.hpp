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
};

// Files are taken as given; folders are searched recursively for *.xml (sorted, so runs repeat).
// Returns nullopt and names the path in `missing` when a PATH does not exist.
std::optional<std::vector<InputDocument>> collect_inputs(const std::vector<std::string>& paths,
                                                         std::string& missing);

// The deterministic K-th share (1-based) of N: by a hash of the output name, stable across
// machines.
std::vector<InputDocument> select_shard(std::vector<InputDocument> inputs, int k, int n);

} // namespace factpress
