// Documents handed from the threads that render them to threads that wait for the disk: fsync
// takes about a millisecond per file here, which rendering need not wait for.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace factpress {

template <typename Item> class CommitQueue {
  public:
    // `threads` threads call `commit` on the items in turn; at most `capacity` items wait (each
    // holds a document's outputs in flight: memory stays flat however long the batch).
    CommitQueue(int threads, std::size_t capacity, std::function<void(Item&)> commit)
        : capacity_(capacity), commit_(std::move(commit)) {
        for (int t = 0; t < threads; ++t)
            threads_.emplace_back([this] { run(); });
    }
    // Commits everything still waiting, then stops the threads.
    ~CommitQueue() {
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        ready_.notify_all();
        threads_.clear();
    }
    CommitQueue(const CommitQueue&) = delete;
    CommitQueue& operator=(const CommitQueue&) = delete;

    // Blocks while `capacity` items are waiting.
    void push(Item item) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return items_.size() < capacity_; });
        items_.push_back(std::move(item));
        ready_.notify_one();
    }

  private:
    void run() {
        for (;;) {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return closed_ || !items_.empty(); });
            if (items_.empty()) return;
            Item item = std::move(items_.front());
            items_.pop_front();
            room_.notify_one();
            lock.unlock();
            commit_(item);
        }
    }

    std::size_t capacity_;
    std::function<void(Item&)> commit_;
    std::mutex mutex_;
    std::condition_variable ready_, room_;
    std::deque<Item> items_;
    bool closed_ = false;
    std::vector<std::jthread> threads_; // last: stopped (joined) first
};

} // namespace factpress
