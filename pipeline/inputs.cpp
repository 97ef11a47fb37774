#include "pipeline/inputs.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

namespace factpress {
namespace fs = std::filesystem;
namespace {

fs::path canonical_or_given(const fs::path& file) {
    std::error_code ec;
    fs::path canonical = fs::canonical(file, ec);
    return ec ? file : canonical;
}

// Only names that repeat are looked up on disk: a batch of thousands has few or none.
std::vector<InputDocument> without_repeats(std::vector<InputDocument> inputs) {
    std::map<fs::path, fs::path> first; // output stem -> the file given for it first
    std::vector<InputDocument> kept;
    for (InputDocument& input : inputs) {
        auto [it, added] = first.try_emplace(input.output_stem, input.source);
        if (!added) {
            if (canonical_or_given(it->second) == canonical_or_given(input.source))
                continue; // the same file for the same outputs
            input.same_outputs_as = it->second;
        }
        kept.push_back(std::move(input));
    }
    return kept;
}

} // namespace

std::optional<std::vector<InputDocument>> collect_inputs(const std::vector<std::string>& paths,
                                                         std::string& missing,
                                                         std::vector<std::string>& empty_folders) {
    std::vector<InputDocument> inputs;
    for (const auto& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            std::vector<InputDocument> found;
            auto options = fs::directory_options::skip_permission_denied;
            for (auto it = fs::recursive_directory_iterator(path, options, ec);
                 !ec && it != fs::end(it); it.increment(ec)) {
                // Hidden files and folders are not sheets: .git, an editor's backups, the ._
                // files macOS leaves in zip archives (binary, yet named .xml).
                if (it->path().filename().string().starts_with('.')) {
                    if (it->is_directory(ec)) it.disable_recursion_pending();
                    continue;
                }
                if (it->path().extension() != ".xml" || !it->is_regular_file(ec)) continue;
                fs::path relative = it->path().lexically_relative(path);
                found.push_back({it->path(), relative.replace_extension(), {}, true});
            }
            if (found.empty()) empty_folders.push_back(path);
            std::sort(found.begin(), found.end(),
                      [](const auto& a, const auto& b) { return a.output_stem < b.output_stem; });
            inputs.insert(inputs.end(), found.begin(), found.end());
        } else if (fs::exists(path, ec)) {
            inputs.push_back({path, fs::path(path).filename().replace_extension(), {}});
        } else {
            missing = path;
            return std::nullopt;
        }
    }
    return without_repeats(std::move(inputs));
}

std::vector<InputDocument> select_shard(std::vector<InputDocument> inputs, int k, int n) {
    // FNV-1a over the output name: the same share on every machine and every run.
    auto share = [n](const InputDocument& input) {
        std::uint64_t hash = 1469598103934665603ull;
        for (unsigned char c : input.output_stem.generic_string())
            hash = (hash ^ c) * 1099511628211ull;
        return static_cast<int>(hash % static_cast<std::uint64_t>(n)) + 1;
    };
    std::erase_if(inputs, [&](const InputDocument& input) { return share(input) != k; });
    return inputs;
}

} // namespace factpress
