#include "app/cli.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdio>
#include <functional>
#include <map>

namespace factpress::cli {
namespace {

constexpr const char* help_text =
    R"(factpress — fact sheets from XML to print-ready PDF and plain-text briefings

usage:
  factpress build [options] PATH...   render fact sheets; PATH is a .xml file or a folder
                                      (searched recursively for *.xml)
  factpress check [options] PATH...   parse, validate and lay out; write nothing
  factpress styles                    list the bundled style sheets
  factpress report merge FILE...      join the JSON reports of several shards (to stdout)
  factpress --help | --version

options:
  -o, --out-dir DIR        where outputs go (default: out)
  -f, --format LIST        comma list of pdf, txt (default: pdf,txt)
  -s, --style NAME|FILE    bundled style sheet or a style file (default: nato)
      --briefing full|brief  plain-text profile (default: full)
      --width N            column width of the briefing, 40 to 1000 (default: 72)
  -j, --jobs N             documents rendered in parallel (default: number of cores)
      --report FILE        write a JSON report of the run
      --draft              unusable images become framed placeholders (warning, not error)
      --force              rebuild outputs that look up to date
      --shard K/N          process only the K-th of N deterministic shares of the inputs
  -q, --quiet              only errors on stderr
  -v, --verbose            also per-stage timings
limits (a document over one fails with a clear error):
      --max-file-size BYTES     source file size (default: 16777216)
      --max-nodes N             XML nodes per document (default: 200000)
      --max-image-size BYTES    image file size (default: 33554432)
      --max-image-pixels N      image pixels, read from the header (default: 50000000)
      --max-pages N             pages per document (default: 500)
      --timeout SECONDS         time per document (default: 60)

exit status: 0 all documents succeeded, 1 a document failed, 2 bad usage
)";

bool usage_error(const std::string& message) {
    fmt::print(stderr, "factpress: {}\n(see factpress --help)\n", message);
    return false;
}

template <typename T> bool to_number(const std::string& text, T& value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

class Parser {
  public:
    explicit Parser(const std::vector<std::string>& args) : args_(args) {}

    std::optional<CommandLine> run() {
        if (args_.empty()) {
            usage_error("no command given");
            return std::nullopt;
        }
        const std::string& first = args_[0];
        if (first == "--help" || first == "-h" || first == "help")
            line_.command = Command::help;
        else if (first == "--version")
            line_.command = Command::version;
        else if (first == "build")
            line_.command = Command::build;
        else if (first == "check")
            line_.command = Command::check;
        else if (first == "styles")
            line_.command = Command::styles;
        else if (first == "report" && args_.size() > 1 && args_[1] == "merge")
            line_.command = Command::report_merge, ++next_;
        else if (!usage_error(fmt::format("unknown command '{}'", first)))
            return std::nullopt;
        ++next_;
        while (next_ < args_.size())
            if (!argument()) return std::nullopt;
        bool needs_paths = line_.command == Command::build || line_.command == Command::check ||
                           line_.command == Command::report_merge;
        if (needs_paths && line_.paths.empty() && !usage_error("no input PATH given"))
            return std::nullopt;
        return line_;
    }

  private:
    bool argument() {
        std::string arg = args_[next_++];
        if (arg == "--help" || arg == "-h") {
            line_.command = Command::help;
            return true;
        }
        if (arg.size() < 2 || arg[0] != '-') {
            line_.paths.push_back(arg);
            return true;
        }
        std::optional<std::string> inline_value;
        if (auto eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
            inline_value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        } else if (!arg.starts_with("--") && arg.size() > 2 &&
                   options().contains(long_name(arg.substr(0, 2)))) {
            inline_value = arg.substr(2); // -j2, -oDIR: a short option's value attached, as getopt
            arg = arg.substr(0, 2);
        }
        std::string name = long_name(arg);
        if (auto flag = flags().find(name); flag != flags().end()) {
            flag->second(line_);
            return true;
        }
        auto option = options().find(name);
        if (option == options().end()) return usage_error(fmt::format("unknown option '{}'", arg));
        if (!inline_value && next_ >= args_.size())
            return usage_error(
                fmt::format("option '{}' needs a value: {}", arg, option->second.expected));
        std::string value = inline_value ? *inline_value : args_[next_++];
        return option->second.apply(line_, value) ||
               usage_error(fmt::format("bad value '{}' for option '{}': expected {}", value, arg,
                                       option->second.expected));
    }

    using Flag = std::function<void(CommandLine&)>;
    struct Option {
        std::function<bool(CommandLine&, const std::string&)> apply;
        const char* expected; // what a good value looks like, for the error message
    };

    static const std::map<std::string, Flag>& flags() {
        static const std::map<std::string, Flag> table = {
            {"--draft", [](CommandLine& c) { c.draft = true; }},
            {"--force", [](CommandLine& c) { c.force = true; }},
            {"--quiet", [](CommandLine& c) { c.verbosity = 0; }},
            {"--verbose", [](CommandLine& c) { c.verbosity = 2; }},
        };
        return table;
    }

    // Options that store a non-empty text as it is.
    static Option text_into(std::string CommandLine::*field, const char* expected) {
        return {[field](CommandLine& c, const std::string& v) {
                    c.*field = v;
                    return !v.empty();
                },
                expected};
    }

    // Resource limits: a number, at least `minimum`.
    template <typename T>
    static Option limit_into(T Limits::*field, T minimum, const char* expected) {
        return {[field, minimum](CommandLine& c, const std::string& v) {
                    return to_number(v, c.limits.*field) && c.limits.*field >= minimum;
                },
                expected};
    }

    static const std::map<std::string, Option>& options() {
        static const std::map<std::string, Option> table = {
            {"--out-dir", text_into(&CommandLine::out_dir, "a folder")},
            {"--format", {format_option, "a comma list of pdf and txt, such as pdf,txt"}},
            {"--style", text_into(&CommandLine::style, "a bundled style's name or a style file")},
            {"--briefing",
             {[](CommandLine& c, const std::string& v) {
                  c.brief = v == "brief";
                  return v == "brief" || v == "full";
              },
              "full or brief"}},
            {"--width",
             {[](CommandLine& c, const std::string& v) {
                  return to_number(v, c.width) && c.width >= 40 && c.width <= 1000;
              },
              "a whole number of characters from 40 to 1000"}},
            {"--jobs", {jobs_option, "a whole number from 1 to 256"}},
            {"--report", text_into(&CommandLine::report, "a file")},
            {"--shard", {shard_option, "K/N, share K of N, with 1 <= K <= N, such as 2/8"}},
            {"--max-file-size",
             limit_into(&Limits::max_file_bytes, std::size_t{1}, "a number of bytes, at least 1")},
            {"--max-nodes",
             limit_into(&Limits::max_nodes, std::size_t{1}, "a whole number, at least 1")},
            {"--max-image-size",
             limit_into(&Limits::max_image_bytes, std::size_t{1}, "a number of bytes, at least 1")},
            {"--max-image-pixels", limit_into(&Limits::max_image_pixels, std::uint64_t{1},
                                              "a number of pixels, at least 1")},
            {"--max-pages", limit_into(&Limits::max_pages, 1, "a whole number, at least 1")},
            {"--timeout",
             limit_into(&Limits::max_seconds, 0.001, "a number of seconds, at least 0.001")},
        };
        return table;
    }

    // Short spellings of long options and flags.
    static std::string long_name(const std::string& name) {
        static const std::map<std::string, std::string> aliases = {
            {"-o", "--out-dir"}, {"-f", "--format"}, {"-s", "--style"},
            {"-j", "--jobs"},    {"-q", "--quiet"},  {"-v", "--verbose"}};
        auto it = aliases.find(name);
        return it == aliases.end() ? name : it->second;
    }

    static bool format_option(CommandLine& c, const std::string& value) {
        c.pdf = c.txt = false;
        std::size_t start = 0;
        while (start <= value.size()) {
            std::size_t end = std::min(value.find(',', start), value.size());
            std::string item = value.substr(start, end - start);
            if (item == "pdf")
                c.pdf = true;
            else if (item == "txt")
                c.txt = true;
            else
                return false;
            start = end + 1;
        }
        return true;
    }

    static bool jobs_option(CommandLine& c, const std::string& value) {
        return to_number(value, c.jobs) && c.jobs >= 1 && c.jobs <= 256;
    }

    static bool shard_option(CommandLine& c, const std::string& value) {
        auto slash = value.find('/');
        int k = 0, n = 0;
        if (slash == std::string::npos || !to_number(value.substr(0, slash), k) ||
            !to_number(value.substr(slash + 1), n))
            return false;
        c.shard = {k, n};
        return n >= 1 && k >= 1 && k <= n;
    }

    const std::vector<std::string>& args_;
    std::size_t next_ = 0;
    CommandLine line_;
};

} // namespace

std::optional<CommandLine> parse(const std::vector<std::string>& args) {
    return Parser(args).run();
}

void print_help() {
    fmt::print("{}", help_text);
}

} // namespace factpress::cli
