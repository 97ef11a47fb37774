#include "pipeline/inputs.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

namespace factpress {
namespace fs = std::filesystem;
namespace {

std::vector<InputDocument> without_repeats(std::vector<InputDocument> inputs) {
    struct Source {
        fs::path file, as_given;
    };
    std::map<fs::path, Source> first; // output stem -> the file that has it
    std::vector<InputDocument> kept;
    for (InputDocument& input : inputs) {
        std::error_code ec;
        fs::path file = fs::canonical(input.source, ec);
        if (ec) file = input.source;
        auto [it, added] = first.try_emplace(input.output_stem, Source{file, input.source});
        if (!added && it->second.file == file) continue; // the same file for the same outputs
        if (!added) input.same_outputs_as = it->second.as_given;
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
                if (it->path().extension() != ".xml" || !it->is_regular_file(ec)) continue;
                fs::path relative = it->path().lexically_relative(path);
                found.push_back({it->path(), relative.replace_extension(), {}});
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
