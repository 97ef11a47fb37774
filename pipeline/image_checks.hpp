// The image checks of one run, remembered by content: a photo or logo shared by many sheets of a
// batch is decoded once, not once per sheet (a JPEG, or a PNG embedded as it is). Safe to use
// from several threads. And the checks of
// one document made on a second thread while it is laid out, when the run has a core to spare.
#pragma once

#include "model/diagnostic.hpp"
#include "model/fact_sheet.hpp"

#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace factpress {

// What a full decode found wrong with an image; empty when it decodes whole.
using ImageProblem = std::string;

// File contents as read (a string) seen as the bytes the image readers take.
inline std::span<const std::uint8_t> byte_span(std::string_view bytes) {
    return {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()};
}

class ImageChecks {
  public:
    // The problem found with these bytes, if they were checked (waits for a check under way).
    std::optional<ImageProblem> find(std::span<const std::uint8_t> bytes) const;

    // The problem with `bytes`: found here, awaited when another thread is checking the same
    // bytes, or found now by `decode` (which runs only then).
    ImageProblem check(std::span<const std::uint8_t> bytes,
                       const std::function<ImageProblem()>& decode);
    // The same for a JPEG's bytes (see check_jpeg_data).
    ImageProblem check(std::span<const std::uint8_t> bytes, int width, int components);

    // A PNG that must be decoded (one with transparency, say) into `image`: by `decode`, or, for
    // bytes decoded before in this run, copied from the image remembered then (the logo on every
    // sheet of a batch is decoded and deflated once). Images are remembered from their second
    // decoding on, while their streams fit in the budget: a photo seen once costs no memory, and
    // memory stays flat however many documents a batch holds.
    ImageProblem decoded(std::span<const std::uint8_t> bytes, Image& image,
                         const std::function<ImageProblem(Image&)>& decode);

    // `decoded_budget`: the bytes of decoded images' streams a run keeps, at most.
    explicit ImageChecks(std::size_t decoded_budget = 8 << 20) : decoded_budget_(decoded_budget) {}

  private:
    // Keyed by size and a 64-bit hash of the bytes: a different file of the same size and hash
    // would be taken for checked, a risk we take (at worst a damaged photo reaches the PDF).
    static std::uint64_t key(std::span<const std::uint8_t> bytes);

    struct Entry {
        std::size_t size = 0;
        std::shared_future<ImageProblem> problem; // ready once the check is done
    };
    mutable std::mutex mutex_;
    std::unordered_map<std::uint64_t, Entry> problems_;
    // Decoded PNGs by the key of their bytes: no image when decoded once, not remembered.
    struct Decoded {
        std::size_t size = 0; // of the bytes
        std::shared_ptr<const Image> image;
    };
    std::unordered_map<std::uint64_t, Decoded> decoded_;
    std::size_t decoded_bytes_ = 0;
    std::size_t decoded_budget_;
};

// A document's JPEG checks, made on another thread while the document is laid out and drawn. A
// damaged photo fails the document when the checks are settled, with the same error, at the same
// place, as a check made at once; nothing is written before that.
class DeferredImageChecks {
  public:
    explicit DeferredImageChecks(ImageChecks& run_checks) : run_checks_(run_checks) {}
    ~DeferredImageChecks();
    DeferredImageChecks(const DeferredImageChecks&) = delete;
    DeferredImageChecks& operator=(const DeferredImageChecks&) = delete;

    // Queues `bytes` (see check_jpeg_data); `error` is reported with the problem appended.
    void add(std::string bytes, int width, int components, Diagnostic error);
    // Starts checking what was queued.
    void start();
    // Waits for the checks and adds an error for each damaged photo, in source order.
    void settle(Diagnostics& diagnostics);

  private:
    struct Check {
        std::string bytes;
        int width = 0;
        int components = 0;
        Diagnostic error;
        ImageProblem problem;
    };
    ImageChecks& run_checks_;
    std::vector<Check> checks_;
    bool started_ = false;
    std::thread worker_;
};

} // namespace factpress
