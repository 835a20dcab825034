#pragma once
#include <string>
#include <tuple>

namespace mdbc {

// A third-party component recognised in the inputs (vendored tree, linked library, package).
struct Component {
  std::string name;     // "mbedtls"
  std::string version;  // empty when unknown
  std::string path;     // where it was recognised (tree root or file)
  std::string evidence; // what identified it (file name, version macro, string)
  std::string purl;     // package URL when one can be formed, else empty

  auto key() const { return std::tie(name, version, path); }
};

}  // namespace mdbc
