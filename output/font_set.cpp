#include "output/font_set.hpp"
#include "pipeline/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace factpress {
namespace fs = std::filesystem;

namespace {

// A no-break space is drawn as a space, which every face has.
char32_t drawn(char32_t cp) {
    return cp == 0x00A0 ? U' ' : cp;
}

bool covers_all(const FontFace& face, std::u32string_view code_points) {
    return std::all_of(code_points.begin(), code_points.end(),
                       [&](char32_t cp) { return face.covers(drawn(cp)); });
}

} // namespace

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
    // The fallback chain, then any family an element names outside it (plain's serif text).
    std::vector<std::string> names = style.font_chain;
    for (const std::string& named : style.fonts_named())
        if (style.families.contains(named) && std::ranges::find(names, named) == names.end())
            names.push_back(named);
    for (const auto& name : names) {
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
    std::vector<std::string> families{""};
    for (const auto& family : chain_)
        families.push_back(family.name);
    for (const auto& family : families)
        for (int v = 0; v < 4; ++v)
            candidates_[family][static_cast<std::size_t>(v)] =
                order_of_faces(static_cast<Variant>(v), family);
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

const std::vector<int>& FontSet::candidates(Variant variant, const std::string& family) const {
    auto it = candidates_.find(family);
    if (it == candidates_.end()) it = candidates_.find("");
    return it->second[static_cast<std::size_t>(variant)];
}

std::vector<int> FontSet::order_of_faces(Variant variant, const std::string& family) const {
    std::vector<int> order;
    auto add_family = [&](const Family& f) {
        for (int v : {static_cast<int>(variant), static_cast<int>(variant) & 1, 0})
            if (f.faces[v] >= 0 && std::find(order.begin(), order.end(), f.faces[v]) == order.end())
                order.push_back(f.faces[v]);
    };
    if (!family.empty())
        for (const auto& f : chain_)
            if (f.name == family) add_family(f);
    for (const auto& f : chain_)
        add_family(f);
    return order;
}

template <typename Covers>
int FontSet::first_face(const std::vector<int>& order, Covers covers) const {
    for (int index : order)
        if (const FontFace* candidate = face(index); candidate && covers(*candidate)) return index;
    return -1;
}

int FontSet::face_covering_most(std::u32string_view code_points, Variant variant,
                                const std::string& family) const {
    int best = -1;
    std::ptrdiff_t best_count = 0;
    for (int index : candidates(variant, family)) {
        const FontFace* candidate = face(index);
        if (!candidate) continue;
        std::ptrdiff_t count = std::count_if(code_points.begin(), code_points.end(),
                                             [&](char32_t cp) { return candidate->covers(cp); });
        if (count > best_count) best = index, best_count = count;
        if (best_count == static_cast<std::ptrdiff_t>(code_points.size())) break;
    }
    return best;
}

int FontSet::face_for(char32_t cp, Variant variant, const std::string& family) const {
    return first_face(candidates(variant, family),
                      [cp](const FontFace& f) { return f.covers(cp); });
}

int FontSet::face_covering(std::u32string_view code_points, Variant variant,
                           const std::string& family) const {
    return first_face(candidates(variant, family),
                      [&](const FontFace& f) { return covers_all(f, code_points); });
}

std::vector<FaceRun> FontSet::runs(std::string_view text, Variant variant, double size,
                                   const std::string& family, int preferred) const {
    const FontFace* preferred_face = preferred >= 0 ? face(preferred) : nullptr;
    if (preferred_face && covers_all(*preferred_face, utf8::decode(text)))
        return runs_by_character(text, variant, size, family, preferred);
    std::vector<FaceRun> result = runs_by_character(text, variant, size, family, -1);
    if (std::all_of(result.begin(), result.end(),
                    [&](const FaceRun& run) { return run.face == result.front().face; }))
        return result;
    // Text that would mix faces is drawn in one face where one has all of it: a word patched
    // from two faces looks mended, and Arabic letters from two faces do not join.
    int whole = face_covering(utf8::decode(text), variant, family);
    return whole < 0 ? result : runs_by_character(text, variant, size, family, whole);
}

std::vector<FaceRun> FontSet::runs_by_character(std::string_view text, Variant variant, double size,
                                                const std::string& family, int only_face) const {
    std::vector<FaceRun> result;
    const std::vector<int>& order = candidates(variant, family); // once, not per character
    char32_t previous = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t start = pos;
        char32_t cp = drawn(utf8::next(text, pos));
        int face = only_face >= 0
                       ? only_face
                       : first_face(order, [cp](const FontFace& f) { return f.covers(cp); });
        const FontFace* font = face >= 0 ? this->face(face) : nullptr;
        // A kerned pair ends a run: libharu draws a run with the glyphs' own advances only.
        int kern =
            font && !result.empty() && result.back().face == face ? font->kerning(previous, cp) : 0;
        if (kern != 0) result.back().width += kern * size / 1000.0;
        if (result.empty() || result.back().face != face || kern != 0)
            result.push_back({face, {}, 0, kern != 0});
        if (cp == U' ' && text[start] != ' ')
            result.back().text += ' '; // a no-break space
        else
            result.back().text.append(text.substr(start, pos - start));
        result.back().width += (font ? font->advance(cp) : 600) * size / 1000.0;
        previous = cp;
    }
    return result;
}

double FontSet::width(std::string_view text, Variant variant, double size,
                      const std::string& family, int preferred) const {
    double total = 0;
    for (const auto& run : runs(text, variant, size, family, preferred))
        total += run.width;
    return total;
}

} // namespace factpress
