#include "pipeline/document_files.hpp"
#include "pipeline/file_bytes.hpp"
#include "pipeline/manifest.hpp"
#include "pipeline/raw_attribute.hpp"
#include "pipeline/resolve.hpp"
#include "pipeline/utf8.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace factpress {
namespace fs = std::filesystem;
namespace {

// `&...;` at `at`, decoded as pugixml decodes it; nothing for a reference it leaves as written.
std::optional<std::string> reference(std::string_view text, std::size_t at, std::size_t& end) {
    end = text.find(';', at);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view name = text.substr(at + 1, end - at - 1);
    static constexpr std::array<std::pair<std::string_view, char>, 5> named{
        {{"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}}};
    for (auto [entity, c] : named)
        if (name == entity) return std::string(1, c);
    if (name.size() < 2 || name[0] != '#') return std::nullopt;
    bool hex = name[1] == 'x';
    std::string_view digits = name.substr(hex ? 2 : 1);
    std::uint32_t cp = 0;
    auto [past, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    if (digits.empty() || error != std::errc() || past != digits.data() + digits.size())
        return std::nullopt;
    std::string out;
    utf8::append(out, cp);
    return out;
}

// An attribute value as the parse stage's pugixml reads it: line ends as one space (parse_eol,
// then parse_wconv_attribute), other white space as spaces, references decoded (parse_escapes).
std::string attribute_value(std::string_view raw) {
    std::string value;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        std::size_t end = 0;
        if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
        if (is_xml_space(raw[i]))
            value += ' ';
        else if (auto decoded = raw[i] == '&' ? reference(raw, i, end) : std::nullopt)
            value += *decoded, i = end;
        else
            value += raw[i];
    }
    return value;
}

std::uint64_t combined(std::uint64_t hash, std::uint64_t part) {
    std::array<char, 8> bytes{}; // little-endian, whatever the machine
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(part >> (8 * i));
    return hash_bytes({bytes.data(), bytes.size()}, hash);
}

// Why `path` could not be read within `limit` bytes, as the user can act on it.
std::string unreadable(const fs::path& path, std::size_t limit, std::string_view option) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return "not a regular file";
    auto size = fs::file_size(path, ec);
    if (ec) return fmt::format("the file cannot be read: {}", ec.message());
    if (size > limit)
        return fmt::format("the file has {} bytes, over the limit of {} ({})", size, limit, option);
    return "the file cannot be read";
}

NamedImage read_image(const fs::path& folder, const std::string& src, const Limits& limits) {
    NamedImage image;
    image.src = src;
    image.problem = locate_inside(folder, src, image.path);
    if (!image.problem.empty()) return image;
    image.bytes = read_file(image.path, limits.max_image_bytes);
    if (image.bytes)
        image.hash = hash_bytes(*image.bytes);
    else
        image.problem = unreadable(image.path, limits.max_image_bytes, "--max-image-size");
    return image;
}

} // namespace

std::vector<std::string> src_values(std::string_view xml, std::size_t max_values) {
    std::vector<std::string> values;
    for (std::string_view raw : raw_attribute_values(xml, "src", max_values))
        values.push_back(attribute_value(raw));
    return values;
}

DocumentFiles read_document_files(const fs::path& source, const Limits& limits) {
    DocumentFiles files;
    files.source_path = source;
    files.source = read_file(source, limits.max_file_bytes);
    if (!files.source) {
        files.source_problem = unreadable(source, limits.max_file_bytes, "--max-file-size");
        return files;
    }
    files.source_hash = hash_bytes(*files.source);
    files.folder = document_folder(source);
    for (const std::string& src : src_values(*files.source, limits.max_nodes))
        files.image(src, limits);
    return files;
}

const NamedImage& DocumentFiles::image(const std::string& src, const Limits& limits) {
    auto [known, added] = image_index.try_emplace(src, images.size());
    if (!added) return images[known->second];
    if (folder.empty()) folder = document_folder(source_path);
    return images.emplace_back(read_image(folder, src, limits));
}

std::uint64_t DocumentFiles::hash() const {
    std::uint64_t hash = source_hash;
    for (const NamedImage& image : images)
        hash = combined(combined(hash, image.bytes ? 1 : 0), image.hash);
    return hash;
}

} // namespace factpress
