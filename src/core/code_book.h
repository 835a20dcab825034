#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/element.h"

namespace mdbc {

// Edition of the building code: every category, element, profile and rule doc.
class CodeBook {
 public:
  // The edition compiled into this binary. Throws InputError if the embedded data is malformed
  // (a build defect, caught by the tests).
  static const CodeBook& builtin();
  // Parses a code/ directory's files given as (relative path, text) pairs.
  static CodeBook parse(const std::vector<std::pair<std::string, std::string_view>>& files);

  int edition() const { return edition_; }
  const std::string& title() const { return title_; }
  const std::string& summary() const { return summary_; }
  const std::vector<Category>& categories() const { return categories_; }
  const std::vector<Element>& elements() const { return elements_; }  // in code order
  const std::vector<Profile>& profiles() const { return profiles_; }

  const Element* element(std::string_view id) const;
  const Profile* profile(std::string_view name) const;
  const RuleDoc* rule(std::string_view rule_id) const;
  bool is_required(const Profile& p, const Element& e) const;

 private:
  int edition_ = 0;
  std::string title_, summary_;
  std::vector<Category> categories_;
  std::vector<Element> elements_;
  std::vector<Profile> profiles_;
};

}  // namespace mdbc
