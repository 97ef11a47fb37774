#include "pipeline/resolve.hpp"
#include "pipeline/colour_profile.hpp"
#include "pipeline/document_files.hpp"
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
    Resolver(const ResolveOptions& options, DocumentFiles& files, Diagnostics& diagnostics)
        : options_(options), files_(files), diagnostics_(diagnostics) {}

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
            figure.unusable = problem;
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
        const NamedImage& image = files_.image(figure.source, options_.limits);
        if (!image.problem.empty()) return image.problem;
        auto bytes = byte_span(*image.bytes);
        ImageHeader header = probe_image(bytes);
        if (auto problem = header_problem(header, options_.limits); !problem.empty())
            return problem;
        std::string problem;
        if (header.format == ImageFormat::jpeg && options_.deferred_checks && !options_.draft) {
            problem = take_unchecked_jpeg(bytes, header, figure.image);
            if (problem.empty())
                options_.deferred_checks->add(*image.bytes, header.width, header.components,
                                              {Severity::error, figure.position, about(figure)});
        } else {
            problem = decode_image(bytes, figure.image, options_.checked_images);
        }
        if (problem.empty()) read_colours(figure, bytes);
        return problem;
    }

    // A profile that cannot be used leaves the colours as they would be without one: the
    // document is still made, and the author told.
    void read_colours(Figure& figure, std::span<const std::uint8_t> bytes) {
        std::string problem = read_colour_profile(bytes, figure.image);
        if (!problem.empty())
            diagnostics_.push_back({Severity::warning, figure.position,
                                    about(figure) + problem + "; the image is used without it"});
    }

    const ResolveOptions& options_;
    DocumentFiles& files_;
    Diagnostics& diagnostics_;
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

FactSheet resolve(FactSheet sheet, const ResolveOptions& options, Diagnostics& diagnostics) {
    DocumentFiles read_now; // a document given as bytes: its images are read as figures name them
    read_now.source_path = options.document;
    Resolver resolver(options, options.files ? *options.files : read_now, diagnostics);
    resolver.blocks(sheet.body_blocks);
    resolver.sections(sheet.sections);
    return sheet;
}

} // namespace factpress
