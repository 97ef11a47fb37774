#include "output/font_set.hpp"
#include "pipeline/utf8.hpp"

#include <fmt/format.h>

namespace factpress {
namespace fs = std::filesystem;

std::optional<fs::path> FontLibrary::find(const std::string& file_name,
                                          const std::vector<fs::path>& font_path) {
    std::error_code ec;
    for (const auto& folder : font_path)
        if (fs::is_regular_file(folder / file_name, ec)) return folder / file_name;
    std::lock_guard lock(mutex_);
    if (!indexed_) {
        indexed_ = true;
        for (const char* root : {"/usr/share/fonts", "/usr/local/share/fonts"}) {
            auto options = fs::directory_options::skip_permission_denied;
            for (auto it = fs::recursive_directory_iterator(root, options, ec);
                 !ec && it != fs::end(it); it.increment(ec))
                if (it->is_regular_file(ec))
                    system_index_.emplace(it->path().filename().string(), it->path());
        }
    }
    auto found = system_index_.find(file_name);
    if (found == system_index_.end()) return std::nullopt;
    return found->second;
}

const FontFace& FontLibrary::face(const fs::path& path) {
    std::lock_guard lock(mutex_);
    auto& slot = faces_[path];
    if (!slot) slot = std::make_unique<FontFace>(FontFace::load(path));
    return *slot;
}

FontSet::FontSet(const Style& style, FontLibrary& library, std::vector<std::string>& problems)
    : library_(library) {
    for (const auto& name : style.font_chain) {
        const FontFamily& family = style.families.at(name);
        Family entry; // variants the family lacks keep index -1
        entry.name = name;
        const std::string* files[] = {&family.regular, &family.bold, &family.italic,
                                      &family.bold_italic};
        for (int v = 0; v < 4; ++v) {
            if (files[v]->empty()) continue;
            auto path = library.find(*files[v], style.font_path);
            if (!path) {
                problems.push_back(fmt::format(
                    "font file {} of family \"{}\" not found on the font path", *files[v], name));
                continue;
            }
            slots_.push_back(std::make_unique<Slot>());
            slots_.back()->path = *path;
            entry.faces[v] = static_cast<int>(slots_.size() - 1);
        }
        chain_.push_back(entry);
    }
    // The main family is read now, so that a broken font file is reported before any document.
    if (!chain_.empty())
        for (int index : chain_.front().faces)
            if (index >= 0) {
                try {
                    // call_once lets the exception through and leaves the slot unread.
                    Slot& slot = *slots_[static_cast<std::size_t>(index)];
                    std::call_once(slot.once, [&] { slot.face = &library.face(slot.path); });
                } catch (const std::exception& error) {
                    problems.push_back(error.what());
                }
            }
}

const FontFace* FontSet::face(int index) const {
    const Slot& slot = *slots_[static_cast<std::size_t>(index)];
    std::call_once(slot.once, [&] {
        try {
            slot.face = &library_.face(slot.path);
        } catch (const std::exception&) {
            slot.face = nullptr; // an unreadable fallback face covers nothing
        }
    });
    return slot.face;
}

std::vector<std::filesystem::path> FontSet::paths() const {
    std::vector<std::filesystem::path> paths;
    for (const auto& slot : slots_)
        paths.push_back(slot->path);
    return paths;
}

std::vector<const FontFace*> FontSet::faces() const {
    std::vector<const FontFace*> faces;
    for (const auto& slot : slots_)
        faces.push_back(slot->face.load());
    return faces;
}

int FontSet::face_for(char32_t cp, Variant variant, const std::string& family) const {
    auto try_family = [&](const Family& f) {
        for (int v : {static_cast<int>(variant), static_cast<int>(variant) & 1, 0}) {
            int index = f.faces[v];
            if (index < 0) continue;
            const FontFace* candidate = face(index);
            if (candidate && candidate->covers(cp)) return index;
        }
        return -1;
    };
    if (!family.empty())
        for (const auto& f : chain_)
            if (f.name == family)
                if (int index = try_family(f); index >= 0) return index;
    for (const auto& f : chain_)
        if (int index = try_family(f); index >= 0) return index;
    return -1;
}

std::vector<FaceRun> FontSet::runs(std::string_view text, Variant variant, double size,
                                   const std::string& family) const {
    std::vector<FaceRun> result;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t start = pos;
        char32_t cp = utf8::next(text, pos);
        // A no-break space is drawn as a space, which every face has.
        char32_t drawn = cp == 0x00A0 ? U' ' : cp;
        int face = face_for(drawn, variant, family);
        double advance = face >= 0 ? this->face(face)->advance(drawn) : 600;
        if (result.empty() || result.back().face != face) result.push_back({face, {}, 0});
        if (drawn != cp)
            result.back().text += ' ';
        else
            result.back().text.append(text.substr(start, pos - start));
        result.back().width += advance * size / 1000.0;
    }
    return result;
}

double FontSet::width(std::string_view text, Variant variant, double size,
                      const std::string& family) const {
    double total = 0;
    for (const auto& run : runs(text, variant, size, family))
        total += run.width;
    return total;
}

} // namespace factpress
