#include "cli/output.h"

#include <array>
#include <cstdio>
#include <streambuf>
#include <string_view>

#include "core/error.h"
#include "core/file_io.h"

namespace mdbc::cli {
namespace {

// Hands what is written to it to `sink` in pieces of at most 64 KiB. The sink's exceptions reach
// the printer's caller: the stream emit() makes rethrows them rather than only setting badbit.
class SinkBuffer final : public std::streambuf {
 public:
  explicit SinkBuffer(std::function<void(std::string_view)> sink) : sink_(std::move(sink)) { reset(); }
  // What is still buffered, to the sink.
  void drain() {
    const std::string_view pending(pbase(), static_cast<size_t>(pptr() - pbase()));
    reset();
    if (!pending.empty()) sink_(pending);
  }

 protected:
  int_type overflow(int_type c) override {
    drain();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    drain();
    return 0;
  }

 private:
  void reset() { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  std::function<void(std::string_view)> sink_;
  std::array<char, 64 * 1024> buffer_;
};

void print_into(const std::function<void(std::string_view)>& sink, const std::function<void(std::ostream&)>& print) {
  SinkBuffer buffer(sink);
  std::ostream out(&buffer);
  out.exceptions(std::ios::badbit);
  print(out);
  buffer.drain();
}

}  // namespace

void print_to(const std::string& output_path, const std::function<void(std::ostream&)>& print) {
  if (!output_path.empty() && output_path != "-") {
    FileWriter file(output_path);
    print_into([&file](std::string_view piece) { file.write(piece); }, print);
    file.commit();
    return;
  }
  print_into(
      [](std::string_view piece) {
        if (std::fwrite(piece.data(), 1, piece.size(), stdout) != piece.size())
          throw InputError("standard output: write failed");
      },
      print);
  if (std::fflush(stdout) != 0) throw InputError("standard output: write failed");
}

void emit(std::string_view document, const std::string& output_path) {
  print_to(output_path, [document](std::ostream& out) { out.write(document.data(), static_cast<std::streamsize>(document.size())); });
}

}  // namespace mdbc::cli
