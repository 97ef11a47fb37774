#include "pipeline/image_checks.hpp"
#include "pipeline/image_decode.hpp"
#include "pipeline/manifest.hpp"

#include <string_view>

namespace factpress {

std::uint64_t ImageChecks::key(std::span<const std::uint8_t> bytes) {
    return hash_bytes({reinterpret_cast<const char*>(bytes.data()), bytes.size()});
}

std::optional<ImageProblem> ImageChecks::find(std::span<const std::uint8_t> bytes) const {
    std::uint64_t hash = key(bytes);
    std::shared_future<ImageProblem> problem;
    {
        std::lock_guard lock(mutex_);
        auto it = problems_.find(hash);
        if (it == problems_.end() || it->second.size != bytes.size()) return std::nullopt;
        problem = it->second.problem;
    }
    return problem.get();
}

ImageProblem ImageChecks::check(std::span<const std::uint8_t> bytes, int width, int components) {
    return check(bytes, [&] { return check_jpeg_data(bytes, width, components); });
}

ImageProblem ImageChecks::check(std::span<const std::uint8_t> bytes,
                                const std::function<ImageProblem()>& decode) {
    std::uint64_t hash = key(bytes);
    std::promise<ImageProblem> mine;
    std::shared_future<ImageProblem> theirs;
    {
        std::lock_guard lock(mutex_);
        auto [it, added] = problems_.try_emplace(hash);
        if (!added && it->second.size == bytes.size()) {
            theirs = it->second.problem;
        } else {
            it->second = {bytes.size(), mine.get_future().share()};
        }
    }
    if (theirs.valid()) return theirs.get();
    ImageProblem problem;
    try {
        problem = decode();
    } catch (...) {
        mine.set_exception(std::current_exception());
        throw;
    }
    mine.set_value(problem);
    return problem;
}

ImageProblem ImageChecks::decoded(std::span<const std::uint8_t> bytes, Image& image,
                                  const std::function<ImageProblem(Image&)>& decode) {
    std::uint64_t hash = key(bytes);
    {
        std::lock_guard lock(mutex_);
        auto it = decoded_.find(hash);
        if (it != decoded_.end() && it->second.size == bytes.size() && it->second.image) {
            image = *it->second.image;
            return {};
        }
    }
    ImageProblem problem = decode(image);
    if (!problem.empty()) return problem;
    std::size_t size = image.deflated.size() + image.alpha_deflated.size() + image.palette.size();
    std::lock_guard lock(mutex_);
    auto [it, first] = decoded_.try_emplace(hash, Decoded{bytes.size(), nullptr});
    bool again = !first && it->second.size == bytes.size() && !it->second.image;
    if (again && decoded_bytes_ + size <= decoded_budget_) {
        it->second.image = std::make_shared<const Image>(image);
        decoded_bytes_ += size;
    }
    return problem;
}

DeferredImageChecks::~DeferredImageChecks() {
    if (worker_.joinable()) worker_.join();
}

void DeferredImageChecks::add(std::string bytes, int width, int components, Diagnostic error) {
    checks_.push_back({std::move(bytes), width, components, std::move(error), {}});
}

void DeferredImageChecks::start() {
    if (started_ || checks_.empty()) return;
    started_ = true;
    worker_ = std::thread([this] {
        for (Check& c : checks_) {
            try {
                c.problem = run_checks_.check(byte_span(c.bytes), c.width, c.components);
            } catch (const std::exception& error) { // out of memory, say: never a pass
                c.problem = std::string("the JPEG could not be checked: ") + error.what();
            }
        }
    });
}

void DeferredImageChecks::settle(Diagnostics& diagnostics) {
    start(); // if it was not
    if (worker_.joinable()) worker_.join();
    bool added = false;
    for (Check& c : checks_) {
        if (c.problem.empty()) continue;
        c.error.message += c.problem;
        diagnostics.push_back(std::move(c.error));
        added = true;
    }
    checks_.clear();
    started_ = false;
    if (added) sort_in_source_order(diagnostics);
}

} // namespace factpress
