#pragma once
// A few short byte patterns found together in one pass over large inputs, where one memmem pass
// per pattern would read every byte once for each of them.
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace mdbc::binary {

// Every occurrence (overlapping ones included) of each pattern: result[k] lists the offsets where
// patterns[k] starts, in increasing order. Each pattern must be at least 2 bytes long.
std::vector<std::vector<size_t>> find_each(std::string_view bytes, std::span<const std::string_view> patterns);

}  // namespace mdbc::binary
