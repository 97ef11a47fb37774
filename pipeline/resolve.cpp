#include "pipeline/resolve.hpp"
#include "pipeline/file_bytes.hpp"
#include "pipeline/image_decode.hpp"

#include <fmt/format.h>

#include <variant>

namespace factpress {
namespace fs = std::filesystem;
namespace {

bool is_inside(const fs::path& folder, const fs::path& file) {
    auto [end, unused] = std::mismatch(folder.begin(), folder.end(), file.begin(), file.end());
    return end == folder.end();
}

class Resolver {
  public:
    Resolver(const ResolveOptions& options, Diagnostics& diagnostics)
        : options_(options), diagnostics_(diagnostics) {
        folder_ = document_folder(options.document);
    }

    void blocks(Blocks& blocks) {
        for (auto& block : blocks)
            if (auto* figure = std::get_if<Figure>(&block)) resolve(*figure);
    }

    void sections(std::vector<Section>& sections) {
        for (auto& section : sections) {
            blocks(section.blocks);
            this->sections(section.sections);
        }
    }

  private:
    void resolve(Figure& figure) {
        if (figure.source.empty()) return; // reported by validation
        std::string problem = load(figure);
        if (problem.empty()) return;
        std::string message = about(figure) + problem;
        if (options_.draft) {
            figure.placeholder = true;
            figure.image = {};
            diagnostics_.push_back(
                {Severity::warning, figure.position, message + " (draft: drawn as a placeholder)"});
        } else {
            diagnostics_.push_back({Severity::error, figure.position, message});
        }
    }

    static std::string about(const Figure& figure) {
        return fmt::format("figure src=\"{}\": ", figure.source);
    }

    std::string load(Figure& figure) {
        fs::path file;
        if (auto problem = locate_inside(folder_, figure.source, file); !problem.empty())
            return problem;
        std::error_code ec;
        auto size = fs::file_size(file, ec);
        if (ec) return "the file cannot be read";
        if (size > options_.limits.max_image_bytes)
            return fmt::format("the file has {} bytes; the limit is {} (--max-image-size)", size,
                               options_.limits.max_image_bytes);
        auto read = read_file(file, options_.limits.max_image_bytes);
        if (!read) return "the file cannot be read";
        auto bytes = byte_span(*read);
        ImageHeader header = probe_image(bytes);
        if (auto problem = header_problem(header, options_.limits); !problem.empty())
            return problem;
        if (header.format == ImageFormat::jpeg && options_.deferred_checks && !options_.draft) {
            std::string problem = take_unchecked_jpeg(bytes, header, figure.image);
            if (problem.empty())
                options_.deferred_checks->add(std::move(*read), header.width, header.components,
                                              {Severity::error, figure.position, about(figure)});
            return problem;
        }
        return decode_image(bytes, figure.image, options_.checked_images);
    }

    const ResolveOptions& options_;
    Diagnostics& diagnostics_;
    fs::path folder_;
};

} // namespace

fs::path document_folder(const fs::path& document) {
    std::error_code ec;
    return fs::weakly_canonical(fs::absolute(document, ec).parent_path(), ec);
}

std::string locate_inside(const fs::path& folder, const std::string& source, fs::path& found) {
    if (source.find('\0') != std::string::npos || source.empty()) return "not a file name";
    fs::path relative(source);
    if (relative.is_absolute())
        return "absolute paths are not allowed; give a path relative to the XML file";
    std::error_code ec;
    fs::path lexical = (folder / relative).lexically_normal();
    if (!is_inside(folder, lexical)) return "the path leads outside the XML file's folder";
    found = fs::canonical(lexical, ec);
    if (ec == std::errc::no_such_file_or_directory) return "no such file";
    if (ec) return fmt::format("the file cannot be read: {}", ec.message());
    if (!is_inside(folder, found))
        return "the path leads outside the XML file's folder (through a symbolic link)";
    if (!fs::is_regular_file(found, ec)) return "not a regular file";
    return {};
}

std::string header_problem(const ImageHeader& header, const Limits& limits) {
    if (header.format == ImageFormat::none)
        return "not a PNG or JPEG image (checked by its signature)";
    if (header.width <= 0 || header.height <= 0) return "the image header gives no size";
    if (std::uint64_t(header.width) * std::uint64_t(header.height) > limits.max_image_pixels)
        return fmt::format(
            "the image claims {}x{} pixels, over the limit of {} pixels (--max-image-pixels)",
            header.width, header.height, limits.max_image_pixels);
    return {};
}

std::vector<fs::path> files_named_by_src(std::string_view xml, const fs::path& folder) {
    std::vector<fs::path> files;
    for (std::size_t at = xml.find("src="); at != std::string_view::npos;
         at = xml.find("src=", at + 4)) {
        std::size_t open = at + 4;
        if (open >= xml.size() || (xml[open] != '"' && xml[open] != '\'')) continue;
        std::size_t close = xml.find(xml[open], open + 1);
        if (close == std::string_view::npos) break;
        fs::path file;
        if (!locate_inside(folder, std::string(xml.substr(open + 1, close - open - 1)), file)
                 .empty())
            file.clear();
        files.push_back(std::move(file));
    }
    return files;
}

FactSheet resolve(FactSheet sheet, const ResolveOptions& options, Diagnostics& diagnostics) {
    Resolver resolver(options, diagnostics);
    resolver.blocks(sheet.body_blocks);
    resolver.sections(sheet.sections);
    return sheet;
}

} // namespace factpress
