// Every input is hostile: the real binary on binary junk, pathological source text, special files,
// unreadable files, hostile names and broken configuration. Each run must end cleanly (exit 0 or 1
// with a complete report, or exit 2 with one line on stderr naming the file) within a time limit
// and, outside the sanitizer build, under an address-space limit.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>

#include <nlohmann/json.hpp>

#include "support/run.h"

namespace mdbc::test {
namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;  // ASan reserves terabytes of address space: no ulimit -v
#else
constexpr bool sanitized = false;
#endif
// A hang guard, not a speed test: a run still going after this long is killed, and the test fails
// on its exit status. Speed is measured in bench/, never asserted here.
constexpr int hang_guard_seconds = 600;

// 1 GB of address space for the whole process (code, two worker threads' stacks and arenas, the
// file, its tokens and findings). The inspection must succeed under it, not merely fail cleanly.
constexpr const char* address_space_kib = "1000000";

// Runs `mdbc ARGS…` under the address-space limit and the hang guard.
RunResult bounded(const std::vector<std::string>& args) {
  std::vector<std::string> argv;
  if (!sanitized) argv = {"bash", "-c", std::string("ulimit -v ") + address_space_kib + " && exec \"$0\" \"$@\"", MDBC_BINARY};
  else argv = {MDBC_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv, {}, hang_guard_seconds);
}

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<uint8_t>(s[i]);
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > s.size() || (len == 2 && c < 0xC2) || (len == 4 && c > 0xF4)) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<uint8_t>(s[i + k]) & 0xC0) != 0x80) return false;
    if (len == 3 && ((c == 0xE0 && static_cast<uint8_t>(s[i + 1]) < 0xA0) || (c == 0xED && static_cast<uint8_t>(s[i + 1]) >= 0xA0)))
      return false;
    if (len == 4 && ((c == 0xF0 && static_cast<uint8_t>(s[i + 1]) < 0x90) || (c == 0xF4 && static_cast<uint8_t>(s[i + 1]) >= 0x90)))
      return false;
    i += len;
  }
  return true;
}

// A complete verdict: exit 0 or 1, nothing on stderr (it is not a terminal), a JSON report that
// parses (nlohmann rejects invalid UTF-8) and carries every element's verdict.
nlohmann::json expect_report(const RunResult& r) {
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << "exit " << r.exit_code << "\nstderr: " << r.err;
  EXPECT_EQ(r.err, "");
  try {
    nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_FALSE(j["verdicts"].empty());
    EXPECT_EQ(j["meets_code"].get<bool>(), r.exit_code == 0);
    return j;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a JSON report: " << e.what() << "\n" << r.out.substr(0, 2000);
    return {};
  }
}

// An input error: exit 2 and exactly one line on stderr naming `name`.
void expect_one_line_error(const RunResult& r, const std::string& name, const std::string& what = "") {
  EXPECT_EQ(r.exit_code, 2) << r.out.substr(0, 500);
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "more than one line: " << r.err;
  EXPECT_NE(r.err.find(name), std::string::npos) << "does not name " << name << ": " << r.err;
  if (!what.empty()) {
    EXPECT_NE(r.err.find(what), std::string::npos) << "does not say '" << what << "': " << r.err;
  }
  EXPECT_TRUE(valid_utf8(r.err)) << r.err;
  EXPECT_EQ(r.out, "");
}

std::string repeat(std::string_view s, size_t times) {
  std::string out;
  out.reserve(s.size() * times);
  for (size_t i = 0; i < times; ++i) out += s;
  return out;
}

// `head` followed by 50,000 functions f0, f1, … each defined by `rest` after its name.
std::string numbered_functions(std::string_view head, std::string_view rest) {
  std::string out(head);
  for (int i = 0; i < 50000; ++i) out.append("void f").append(std::to_string(i)).append(rest);
  return out;
}

// Inspects one file `name` holding `content` as a tree, bounded; returns the JSON report.
nlohmann::json inspect_one_file(const std::string& name, const std::string& content) {
  SCOPED_TRACE(name);
  TempDir dir;
  dir.write("tree/" + name, content);
  const RunResult t = bounded({"inspect", "--jobs", "2", "--format", "json", (dir.path() / "tree").string()});
  return expect_report(t);
}

// ---- Hostile bytes in source files ---------------------------------------------------------------

TEST(HostileSource, BinaryJunkNamedDotC) {
  std::mt19937 gen(20240229);
  std::string junk(1 << 20, '\0');
  for (auto& c : junk) c = static_cast<char>(gen() & 0xFF);
  const auto j = inspect_one_file("junk.c", junk);
  EXPECT_EQ(j["files"], 1);
  // An executable named .c: recognised by content or inspected as text, never a crash.
  inspect_one_file("true.c", read_text("/bin/true"));
}

TEST(HostileSource, NulBytesAndInvalidUtf8) {
  std::string src = "#include <string.h>\nvoid f(char *d, const char *s) {\n  strcpy(d, s); /* \xff\xfe */\n";
  constexpr char with_nul[] = "  char n[] = \"a\0b\xc3\x28\xc0\xaf\xed\xa0\x80\";\n";
  src += std::string(with_nul, sizeof with_nul - 1);
  src += "  strcpy(d, \"\xf8\x88\x80\x80\x80\"); \x01\x02\x7f\n";
  src += std::string("\0\0\0\0\0\0\0\0", 8) + "}\n";
  const auto j = inspect_one_file("nul.c", src);
  for (const auto& f : j["findings"]) {
    const auto evidence = f["evidence"].get<std::string>();
    EXPECT_EQ(evidence.find('\0'), std::string::npos);
    EXPECT_EQ(evidence.find('\x01'), std::string::npos);
  }
}

TEST(HostileSource, TenMegabyteSingleLine) {
  std::string line = repeat("int a0 = b(c, d) + e[1] * (f >> 2); ", 110);
  line += "strcpy(x, y); ";
  const std::string src = repeat(line, (10u << 20) / line.size() + 1);
  ASSERT_GT(src.size(), 10u << 20);
  inspect_one_file("long.c", src);
}

TEST(HostileSource, UnterminatedCommentStringAndRawStringAtEndOfFile) {
  const std::string body = "#include <stdio.h>\nint main(void) {\n  printf(\"%d\\n\", 1);\n";
  inspect_one_file("comment.c", body + "/* never closed " + repeat("strcpy(a, b);\n", 1000));
  inspect_one_file("string.c", body + "  puts(\"never closed");
  inspect_one_file("string_escape.c", body + "  puts(\"ends in a backslash\\");
  inspect_one_file("char.c", body + "  putchar('");
  inspect_one_file("raw.cpp", body + "  auto s = R\"delim(never closed )delim \n" + repeat("strcpy(a, b);\n", 1000));
  inspect_one_file("raw_prefix.cpp", body + "  auto s = u8R\"");
  inspect_one_file("include.c", "#include <never_closed");
  inspect_one_file("splice.c", body + "#define X \\");
  inspect_one_file("backslash.c", "\\");
  inspect_one_file("slash.c", body + "/");
  inspect_one_file("crlf.c", body + "\r\n#define Y \\\r");
}

// One function logging and comparing its `pin` tens of thousands of times: whether it is a
// hardware pin is judged once per function, not once per log call (which read every use each time).
TEST(HostileSource, ThousandsOfLogCallsOfOnePin) {
  std::string body = "#include <stdio.h>\n#include <string.h>\nextern char stored_pin[16];\nint check(char *pin) {\n";
  for (int i = 0; i < 20000; ++i)
    body += "  strcpy(pin, stored_pin);\n  if (strcmp(pin, stored_pin) != 0) return -1;\n  printf(\"%s\", pin);\n";
  body += "  return 0;\n}\n";
  const auto j = inspect_one_file("pins.c", body);
  EXPECT_EQ(j["files"], 1);
}

// One function pointer set and called 50,000 times, and one receiver given a new object and
// called 50,000 times: the pointer's target and the receiver's class are judged once per name and
// function, not per call over every assignment (call_targets.h; quadratic before, minutes).
TEST(HostileSource, FiftyThousandCallsThroughOnePointerAndOneReceiver) {
  std::string pointers = "void sink(char *data);\nvoid run(char *data) {\n  void (*fp)(char *) = sink;\n";
  for (int i = 0; i < 50000; ++i) pointers += "  fp = sink; fp(data);\n";
  pointers += "}\n";
  EXPECT_EQ(inspect_one_file("pointers.c", pointers)["files"], 1);
  std::string objects = "class Sink { public: virtual void action(char *d); };\nvoid run(char *data) {\n  Sink *o = 0;\n";
  for (int i = 0; i < 50000; ++i) objects += "  o = new Sink; o->action(data);\n";
  objects += "}\n";
  EXPECT_EQ(inspect_one_file("objects.cpp", objects)["files"], 1);
}

// Locals filled by a function of another file, then used as formats and passwords, in each of
// 50,000 functions: what each use asks of its name is looked up in its own function, not in all.
// And a filling function of 100,000 stores: those judged are bounded.
TEST(HostileSource, FiftyThousandFunctionsFillingALocal) {
  std::string uses = "#include <stdio.h>\nvoid source(char **p);\n";
  for (int i = 0; i < 50000; ++i)
    uses += "void run" + std::to_string(i) + "(void) {\n  char *d = 0; source(&d); printf(d); LogonUserA(\"u\", \".\", d, 2, 0, 0);\n}\n";
  EXPECT_EQ(inspect_one_file("uses.c", uses)["files"], 1);
  std::string stores = "void source(char **p) {\n";
  for (int i = 0; i < 50000; ++i) stores += "  *p = \"ABCD123!\"; if (p) { *p = \"x\"; }\n";
  stores += "}\nvoid other(char *&p) {\n";
  for (int i = 0; i < 50000; ++i) stores += "  { p = (char *)\"ABCD123!\"; }\n";
  stores += "  p = (char *)\"x\";\n}\n";
  EXPECT_EQ(inspect_one_file("stores.cpp", stores)["files"], 1);
}

// One function of 50,000 sinks of one local, each after a fill by a function of another file: the
// local's stores (buffer_contents' stores_into) are found once, not at every sink.
TEST(HostileSource, FiftyThousandSinksOfOneLocal) {
  EXPECT_EQ(inspect_one_file("sinks.c", "#include <stdio.h>\nvoid source(char **p);\nvoid run(void) {\n  char *data = 0;\n" +
                                            repeat("  source(&data); printf(data);\n", 50000) + "}\n")["files"],
            1);
}

// Struct fields as arguments (source_member_values.cpp): one variable of 50,000 fields, listed
// designated and by place in turn, each field written and passed to a peer-verification call.
TEST(HostileSource, FiftyThousandFieldsOfOneStruct) {
  const int n = 50000;
  std::string fields, list, uses;
  for (int i = 0; i < n; ++i) {
    const std::string f = "f" + std::to_string(i);
    fields += "long " + f + ";\n";
    list += i % 2 == 0 ? "." + f + " = 0L, " : "1L, ";
    uses += "  o." + f + " = 0L; curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o." + f + ");\n";
  }
  EXPECT_EQ(inspect_one_file("fields.c", "struct opts {\n" + fields + "};\nstatic struct opts o = { " + list +
                                             "};\nvoid f(void *c) {\n" + uses + "}\n")["files"],
            1);
}

TEST(HostileSource, HundredThousandNestedBracketsAndDirectives) {
  const size_t n = 100000;
  const std::string prefix = "void f(void) ";
  inspect_one_file("braces.c", prefix + std::string(n, '{') + std::string(n, '}') + "\n");
  inspect_one_file("open_braces.c", prefix + std::string(n, '{'));
  inspect_one_file("close_braces.c", prefix + std::string(n, '}'));
  inspect_one_file("parens.c", prefix + "{ int x = " + std::string(n, '(') + "1" + std::string(n, ')') + "; }\n");
  inspect_one_file("open_parens.c", prefix + "{ g" + std::string(n, '('));
  inspect_one_file("brackets.c", prefix + "{ a" + repeat("[b", n) + std::string(n, ']') + "; }\n");
  inspect_one_file("calls.c", prefix + "{ " + repeat("strcpy(", n) + "a" + std::string(n, ')') + "; }\n");
  inspect_one_file("printf.c", prefix + "{ " + repeat("printf(", n) + "s" + std::string(n, ')') + "; }\n");
  inspect_one_file("templates.cpp", "A" + repeat("<B", n) + std::string(n, '>') + " x;\n");
  inspect_one_file("casts.c", prefix + "{ x = " + repeat("(int)(", n) + "y" + std::string(n, ')') + "; }\n");
  inspect_one_file("ternary.c", prefix + "{ x = " + repeat("a ? ", n) + "b" + repeat(" : c", n) + "; }\n");
  inspect_one_file("if.c", repeat("#if X\n", n) + "int a;\n" + repeat("#endif\n", n));
  inspect_one_file("if_open.c", repeat("#ifdef X\nvoid g(void) {\n", n));
}

TEST(HostileSource, RejectionBranchWithoutSemicolons) {
  // A failed check whose branch is a million returns with no ';': each return's value runs to the
  // end of the branch, so looking for the end afresh at each one would take hours (LOG-2).
  inspect_one_file("returns.c", "int check(const char *pin) { if (!verify_pin(pin)) { " + repeat("return ", 1000000) +
                                    "} return 0; }\n");
}

TEST(HostileSource, OutcomesPassedDownLongChainsAndNestedAssignments) {
  // LOG-2 follows a check's outcome through assignments, arguments and returns of a file: 20,000
  // functions each passing it to the next (rounds of the walk are bounded, not one per function),
  // and 100,000 assignments nested in one value (each value is judged for a bounded length).
  constexpr size_t n = 20000;
  std::string chain = "int verify_pin(const char *pin);\nvoid f0(const char *pin) { int ok = verify_pin(pin); f1(ok); }\n";
  for (size_t i = 1; i < n; ++i)
    chain += "void f" + std::to_string(i) + "(int ok) { if (ok != 0) return; f" + std::to_string(i + 1) + "(ok); }\n";
  inspect_one_file("chain.c", chain);
  inspect_one_file("nested.c", "int check(const char *pin) { int ok = verify_pin(pin); int a = " + repeat("(a = ", 100000) +
                                   "ok" + std::string(100000, ')') + "; if (a) return -1; return 0; }\n");
}

TEST(HostileSource, NestedRejectionBranchesOnOneLine) {
  // 3,000 failed checks nested on one 100 kB line, each giving up at a return of its own: each
  // branch holds every branch inside it. Listing each branch's calls (9 million names) or showing
  // the whole line as each finding's evidence (1000 x 100 kB) would make memory and the report
  // quadratic in the nesting (LOG-2).
  constexpr size_t n = 3000;
  const auto j = inspect_one_file("nested.c", "int check(const char *pin) { " +
                                                  repeat("if (!verify_pin(pin)) { note_attempt(pin); if (locked) return -1; ", n) +
                                                  std::string(n, '}') + " return 0; }\n");
  size_t rejections = 0;
  for (const auto& f : j["findings"]) {
    if (f["rule"] != "LOG-2/unlogged-rejection") continue;
    ++rejections;
    EXPECT_LE(f["evidence"].get<std::string>().size(), 400u);
  }
  EXPECT_GE(rejections, 1000u);
  EXPECT_LE(rejections, 1001u);
  EXPECT_LT(j.dump().size(), 4u << 20);
}

TEST(HostileSource, RuleBudgetSpentIsReportedNotSilent) {
  // Nested failed checks whose branches LOG-2 would walk for minutes: past its work budget it
  // stops judging that function, and the report names the file and what was left undecided.
  const auto nested = [](size_t n) {
    return "int check(const char *pin) { " + repeat("if (!verify_pin(pin)) { note_attempt(pin); ", n) + "return -1; " +
           std::string(n, '}') + " return 0; }\n";
  };
  const auto j = inspect_one_file("deep.c", nested(5000));
  ASSERT_EQ(j["partly_inspected"].size(), 1u);
  EXPECT_EQ(j["partly_inspected"][0]["path"], "deep.c");
  EXPECT_NE(j["partly_inspected"][0]["reason"].get<std::string>().find("LOG-2 did not judge check()"), std::string::npos);
  EXPECT_TRUE(inspect_one_file("shallow.c", nested(100))["partly_inspected"].empty());
}

TEST(HostileSource, NestedIfsWithoutBraces) {
  // A million `if (a)` nested without braces around one statement: the branch of each runs to the
  // same ';', so walking to it afresh from every if would take hours (LOG-2).
  inspect_one_file("ifs.c", "void f(int a) { " + repeat("if (a) ", 1000000) + "return; }\n");
}

TEST(HostileSource, ManySeedsFromOneClock) {
  // 100,000 srand(time(0)) in one body: each seed asks which calls before it take time and where
  // time is defined, so answering either by scanning every call or occurrence would take hours (RNG).
  inspect_one_file("seeds.c", "#include <stdlib.h>\n#include <time.h>\nvoid f(void) {\n" + repeat("srand(time(0));\n", 100000) + "}\n");
}

TEST(HostileSource, ManySeedsOfOneVariableAndOneMember) {
  // 100,000 srand(seed) of one variable in one body, 30,000 methods each seeding from the member
  // a constructor set, and 50,000 seeding helpers each called with the clock: where a seed comes
  // from is found once per function and name, not afresh at each seeding call (RNG-2).
  inspect_one_file("seed.c", "#include <stdlib.h>\nvoid f(unsigned p) {\n  unsigned seed = p;\n" +
                                 repeat("srand(seed);\n", 100000) + "}\n");
  std::string methods;
  for (int i = 0; i < 30000; ++i) methods += "  void m" + std::to_string(i) + "() { srand(seed); }\n";
  inspect_one_file("member.cpp", "class S { unsigned seed; public: S(unsigned c) : seed(c) {}\n" + methods +
                                     "};\nvoid run(unsigned d) { S s(d); }\n");
  std::string helpers;
  for (int i = 0; i < 50000; ++i) {
    const std::string n = std::to_string(i);
    helpers += "static void f" + n + "(unsigned s) { srand(s); }\nvoid g" + n + "(void) { f" + n + "((unsigned)time(0)); }\n";
  }
  inspect_one_file("helpers.c", helpers);
}

TEST(HostileSource, SeedsSeededBuffersAndGeneratorValuesFollowedOncePerFunction) {
  // 50,000 functions each storing a seed twice, filling it through its address and passing it to
  // one helper; 100,000 RAND_seed of one buffer filled from a literal; 100,000 bytes of a key
  // printed through a pointer to it: whether a function gives a call a variable's address is found
  // once per function and name, a seeded buffer is judged at its first seeding, and what a pointer
  // designates once per name and function (RNG-2, LOG-3). 50,000 functions storing rand() in one
  // global and reading it: the readers of a global are found once, each function's uses by position (RNG-1).
  std::string functions = "#include <stdlib.h>\n#include <sys/random.h>\nstatic void apply(unsigned s) { srand(s); }\n";
  for (int i = 0; i < 50000; ++i)
    functions += "void f" + std::to_string(i) +
                 "(void) { unsigned seed = 0; seed = 1234u; getrandom(&seed, sizeof(seed), 0); apply(seed); srand(seed); }\n";
  inspect_one_file("seeds.c", functions);
  inspect_one_file("bytes.c", "#include <string.h>\n#include <openssl/rand.h>\nvoid f(void) {\n"
                              "  unsigned char seed[32] = {0};\n  unsigned char *p = seed;\n"
                              "  memcpy(p, \"0123456789abcdef0123456789abcdef\", 32);\n" +
                                  repeat("  RAND_seed(p, 32);\n", 100000) + "}\n");
  std::string generators = "#include <stdlib.h>\nint shared;\nextern void use(int);\n";
  for (int i = 0; i < 50000; ++i) generators += "void g" + std::to_string(i) + "(void) { shared = rand(); use(shared); }\n";
  inspect_one_file("generators.c", generators);  // RNG-1 follows the global into the functions that use it
  inspect_one_file("hex.c", "#include <stdio.h>\nvoid f(unsigned char *sessionKey) {\n  unsigned char **p = &sessionKey;\n" +
                                repeat("  printf(\"%02x\", (*p)[1]);\n", 100000) + "}\n");
}

TEST(HostileSource, ManyEncryptionsWithOneParameterIv) {
  // 50,000 cipher calls on a method's IV parameter, and 50,000 calls of a function template given
  // its argument: what the callers pass is judged once per function and parameter (RNG-3).
  inspect_one_file("method.cpp", "class C { public: int seal(EVP_CIPHER_CTX *c, const unsigned char *iv) {\n" +
                                     repeat("  EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), 0, 0, iv);\n", 50000) +
                                     "  return 0; } };\nvoid run(EVP_CIPHER_CTX *x) {\n"
                                     "  unsigned char iv[16] = {0}; C *o = new C; o->seal(x, iv);\n}\n");
  inspect_one_file("template.cpp", "template <class B> static int seal(EVP_CIPHER_CTX *c, const B *iv) {\n"
                                       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), 0, 0, iv);\n}\n"
                                       "void run(EVP_CIPHER_CTX *x) {\n  unsigned char iv[16] = {0};\n" +
                                       repeat("  seal<unsigned char>(x, iv);\n", 50000) + "}\n");
}

TEST(HostileSource, TenThousandEncryptionsWithOneIvInOneFunction) {
  // 10,000 cipher calls on one zero-initialised IV, and 10,000 copies of a constant table into one
  // IV each followed by a cipher call, in one function: what writes the IV before each call is
  // found once per function and name, not by walking every earlier call again (RNG-3; a minute
  // and more each before).
  const std::string head = "#include <string.h>\n#include <openssl/evp.h>\nstatic const unsigned char kIv[16] = {1, 2, 3};\n"
                           "void f(EVP_CIPHER_CTX *ctx, unsigned char *key) {\n";
  inspect_one_file("calls.c", head + "  unsigned char iv[16] = {0};\n" +
                                  repeat("  EVP_EncryptInit_ex(ctx, EVP_aes_128_cbc(), NULL, key, iv);\n", 10000) + "}\n");
  inspect_one_file("copies.c", head + "  unsigned char iv[16];\n" +
                                   repeat("  memcpy(iv, kIv, 16); EVP_EncryptInit_ex(ctx, EVP_aes_128_cbc(), NULL, key, iv);\n", 10000) +
                                   "}\n");
}

TEST(HostileSource, ThousandsOfFunctionsEncryptingWithOneStaticIv) {
  // 5,000 functions encrypting with one file-scope IV and key: the calls that write the IV anywhere
  // in the file are listed once per name, not once per cipher call (RNG-3; over a minute before).
  std::string shared = "#include <openssl/evp.h>\nstatic unsigned char key[16] = \"0123456789abcdef\";\nstatic unsigned char iv[16];\n";
  for (int i = 0; i < 5000; ++i)
    shared += "void f" + std::to_string(i) + "(EVP_CIPHER_CTX *ctx) { EVP_EncryptInit_ex(ctx, EVP_aes_128_cbc(), NULL, key, iv); }\n";
  inspect_one_file("shared.c", shared);
}

TEST(HostileSource, ThousandsOfFormatsCopiedFromOneName) {
  // Formats copied from a parameter or a global of another file (char *fmt = d; printf(fmt);):
  // 10,000 in one function, the parameter named alike in 30,000 functions, and a global declared
  // extern 5,000 times read by 5,000 functions. Whether a use's name comes from another file's
  // global asks whether a call takes it before the use and what the file binds the global to: the
  // first taker is found without listing the others, the global's bindings and takers once (CODE-2).
  inspect_one_file("one.c", "#include <stdio.h>\nvoid f(char *d) {\n  char *fmt = d;\n" + repeat("  printf(fmt);\n", 10000) + "}\n");
  std::string functions = "#include <stdio.h>\n";
  for (int i = 0; i < 30000; ++i) functions += "void f" + std::to_string(i) + "(char *d) { char *fmt = d; printf(fmt); }\n";
  inspect_one_file("functions.c", functions);
  std::string globals = "#include <stdio.h>\n" + repeat("extern char *g;\n", 5000);
  for (int i = 0; i < 5000; ++i) globals += "void f" + std::to_string(i) + "(void) { char *d = g; printf(d); }\n";
  inspect_one_file("globals.c", globals);
}

TEST(HostileSource, FiftyThousandGeneratorValuesPassedToCallTargets) {
  // 50,000 functions each passing rand() through a function pointer, a method of an object of a
  // known class, a construction, a function template given its argument and a container's storing
  // call: the member calls, the classes' methods, the pointers' and receivers' targets and the
  // container's stores are found once per file, name or function (RNG-1).
  inspect_one_file("targets.cpp",
                   numbered_functions("#include <stdlib.h>\n#include <vector>\nextern void use(int v);\n"
                                      "class Sink { public: Sink(int v) { use(v); } virtual void action(int v) { use(v); } };\n"
                                      "template <class T> static void apply(T v) { use(v); }\n"
                                      "static void direct(int v) { use(v); }\n",
                                      "(void) { int r = rand(); void (*fp)(int) = direct; fp(r); Sink *o = new Sink(r); "
                                      "o->action(r);\n  Sink s(r); apply<int>(r); std::vector<int> v; v.push_back(r); "
                                      "direct(v[0]); }\n"));
}

TEST(HostileSource, FiftyThousandClearsAndFieldStoresOfStructs) {
  // 50,000 functions each clearing a struct, storing its field and passing it to one helper; one
  // function clearing one struct of 50,000 fields 50,000 times in branches, then storing each
  // field: a field's value asks only the last clear and the last store of that field whether
  // they hide the stores before them (source_member_values.cpp).
  inspect_one_file("clears.c",
                   numbered_functions("#include <string.h>\n#include <openssl/ssl.h>\nstruct cfg { int verify; int depth; };\n"
                                      "static void apply(SSL_CTX *c, const struct cfg *p) { "
                                      "SSL_CTX_set_verify(c, p->verify, NULL); }\n",
                                      "(SSL_CTX *c) { struct cfg k; memset(&k, 0, sizeof k); k.depth = 4; "
                                      "k.verify = SSL_VERIFY_NONE; apply(c, &k); }\n"));
  std::string fields, stores;
  for (int i = 0; i < 50000; ++i) {
    fields += "  int f" + std::to_string(i) + ";\n";
    stores += "  o.f" + std::to_string(i) + " = SSL_VERIFY_NONE; SSL_CTX_set_verify(c, o.f" + std::to_string(i) + ", NULL);\n";
  }
  inspect_one_file("fields.c", "#include <string.h>\n#include <openssl/ssl.h>\nstruct opts {\n" + fields +
                                   "};\nvoid g(SSL_CTX *c, int x) {\n  struct opts o;\n" +
                                   repeat("  if (x) memset(&o, 0, sizeof(o));\n", 50000) + stores + "}\n");
}

TEST(HostileSource, FiveThousandReadsOfABufferFilledFromLiterals) {
  // One function copying a literal into a buffer and printing it 5,000 times: what the buffer
  // holds is judged by walking its every use in the function, at each read; past a few hundred
  // uses it is unknown (buffer_contents' max_uses; over a minute before, quadratic).
  const auto j = inspect_one_file("reads.c", "#include <stdio.h>\n#include <string.h>\nvoid f(void) {\n  char buf[16];\n" +
                                                 repeat("  strcpy(buf, \"x\"); printf(buf);\n", 5000) + "}\n");
  EXPECT_EQ(j["files"], 1);
}

TEST(HostileSource, FiveThousandStoresAndFormatsOfOneLocal) {
  // One function assigning a parameter to a local and printing it 5,000 times: whether the
  // format comes from another file (cross_file's external_parameter) is not asked of a name the
  // function binds hundreds of times, instead of listing its bindings at each use (CODE-2; 10 s
  // before). FileValues::visible still copies them at each use for CODE-2 itself.
  EXPECT_EQ(inspect_one_file("stores.c", "#include <stdio.h>\nvoid f(char *d) {\n  char *fmt = 0;\n" +
                                             repeat("  fmt = d; printf(fmt);\n", 5000) + "}\n")["files"],
            1);
}

TEST(HostileSource, ManyDefinitionsOfOneFunction) {
  // 25,000 definitions of f (as under as many #if branches), each calling f: the call graph must
  // not link every call to every definition (625 million edges).
  inspect_one_file("functions.c", repeat("void f(void) { f(); }\n", 25000));
  inspect_one_file("overloads.cpp", repeat("int g(int a) { return g(a) + h(a, a); }\nint h(int a, int b) { return g(b); }\n", 12500));
}

TEST(HostileSource, ClassWithThousandsOfMethodsReadingAMember) {
  // 30,000 methods each passing the member a constructor stored to printf: following the member
  // through every method of its class for every sink would take about an hour (CODE-2, CRYPTO-4).
  std::string methods;
  for (int i = 0; i < 30000; ++i) methods += "  void m" + std::to_string(i) + "() { printf(data); }\n";
  inspect_one_file("sink.cpp", "#include <stdio.h>\nclass Sink { char *data; public: Sink(char *c) : data(c) {}\n" +
                                   methods + "};\nvoid run(char *d) { Sink s(d); }\n");
}

TEST(HostileSource, FiftyThousandFunctionsPrintingOneStaticObject) {
  // 50,000 functions each storing a literal in a file-scope struct's member, or copying one into
  // a file-scope buffer, and printing it: every other function's uses of the object are read for
  // each format (CODE-2), each walk charged to the file's budget.
  std::string functions = "#include <stdio.h>\n#include <string.h>\nstruct msg { const char *fmt; };\n"
                          "static struct msg shown;\nstatic char line[64];\n";
  for (int i = 0; i < 50000; ++i)
    functions += "void f" + std::to_string(i) + "(void) { shown.fmt = \"x\"; printf(shown.fmt); strcpy(line, \"y\"); printf(line); }\n";
  inspect_one_file("objects.c", functions);
}

TEST(HostileSource, FiftyThousandFunctionsSettlingAVerificationMode) {
  // 50,000 functions each storing a verification mode, overwriting it, and passing it on through a
  // struct's field by address, a file-scope variable and a parameter to one helper (CRYPTO-3): what
  // each argument settles to is walked a bounded number of steps, each name's stores found once.
  std::string functions = "#include <openssl/ssl.h>\nstruct cfg { int verify; };\nstatic int shared_mode;\n"
                          "static void apply(SSL_CTX *c, struct cfg *p, int mode) {\n"
                          "  SSL_CTX_set_verify(c, p->verify, NULL);\n  SSL_CTX_set_verify(c, mode, NULL);\n"
                          "  SSL_CTX_set_verify(c, shared_mode, NULL);\n}\n";
  for (int i = 0; i < 50000; ++i)
    functions += "void f" + std::to_string(i) +
                 "(SSL_CTX *c) { int m = -1; m = SSL_VERIFY_NONE; struct cfg k; k.verify = m; shared_mode = m; "
                 "apply(c, &k, m); SSL_CTX_set_verify(c, m, NULL); }\n";
  inspect_one_file("modes.c", functions);
}

TEST(HostileSource, FiftyThousandCallersOfAHelperLoggingAMember) {
  // 50,000 functions each storing its password in a struct and giving it to one static helper that
  // logs the member, and one function logging a member 20,000 times (LOG-3): each object's stores
  // and the helper's callers are read once, not once per log call.
  std::string callers = "#include <stdio.h>\nstruct attempt { const char *text; };\n"
                        "static void trace(struct attempt a) { printf(\"%s\", a.text); }\n";
  for (int i = 0; i < 50000; ++i)
    callers += "void f" + std::to_string(i) + "(char *password) { struct attempt a; a.text = password; trace(a); }\n";
  callers += "void many(char *password) {\n  struct attempt b;\n";
  for (int i = 0; i < 20000; ++i) callers += "  b.text = password; printf(\"%s\", b.text);\n";
  callers += "}\n";
  inspect_one_file("attempts.c", callers);
}

TEST(HostileSource, FiftyThousandTemplateCallsAndComparisons) {
  // 50,000 calls of a function template given its arguments (sink<char *, 8>(data)) and as many
  // comparisons before a parenthesis (a < b > (c)): each '>' before a '(' looks back a bounded
  // number of tokens for the template's name (Syntax::template_call_name).
  std::string calls = "#include <stdio.h>\ntemplate <class T, int N> static void sink(T d) { printf(d); }\nvoid run(char *data, int a, int b, int c) {\n";
  for (int i = 0; i < 50000; ++i) calls += "  sink<char *, 8>(data); if (a < b > (c)) ++a;\n";
  calls += "}\n";
  EXPECT_EQ(inspect_one_file("templates.cpp", calls)["files"], 1);
}

TEST(HostileSource, ThousandsOfFunctionsForwardingAParameterOfOneName) {
  // 50,000 functions each passing its `char *p` to a function of another file: judging each
  // forward reads every binding of p in the file (CODE-2, CRYPTO-4 chains across files).
  std::string functions;
  for (int i = 0; i < 50000; ++i) functions += "void f" + std::to_string(i) + "(char *p) { sink" + std::to_string(i % 7) + "(p); }\n";
  inspect_one_file("forward.c", functions);
}

TEST(HostileSource, FortyThousandClassesWithAMethodOfOneName) {
  // 40,000 classes each defining show(const char *t) { printf(t); }, each called once through an
  // object (CODE-2, LOG-3): whether each method's name is used other than by declarations, and
  // whether its parameter is another file's global, are found without walking every other
  // class's method of that name (over ten minutes before, past the hang guard).
  std::string classes = "#include <cstdio>\n";
  std::string calls = "void run(const char *x) {\n";
  for (int i = 0; i < 40000; ++i) {
    const std::string n = std::to_string(i);
    classes += "class C" + n + " { public: void show(const char *t) { printf(t); } };\n";
    calls += "  C" + n + " o" + n + "; o" + n + ".show(x);\n";
  }
  EXPECT_EQ(inspect_one_file("classes.cpp", classes + calls + "}\n")["files"], 1);
}

TEST(HostileSource, TwentyThousandTentativeDefinitionsOfOneGlobal) {
  // `char *g;` declared 20,000 times at file scope (C allows it) and assigned in 20,000 functions
  // (CODE-2's stores into globals other files read): the name's stores are listed once, not once
  // per declaration (at 4,000 each: 150 s and 800 MB before; 20,000 ran past the hang guard).
  std::string file = "#include <stdlib.h>\n";
  for (int i = 0; i < 20000; ++i) file += "char *g;\n";
  for (int i = 0; i < 20000; ++i) file += "void f" + std::to_string(i) + "(void) { g = getenv(\"X\"); }\n";
  EXPECT_EQ(inspect_one_file("globals.c", file)["files"], 1);
}

TEST(HostileSource, TwentyThousandExternDeclarationsOfOneGlobalPrinted) {
  // `extern char *g_key;` 20,000 times and 20,000 functions printing it: each use lists the
  // name's visible bindings, which keep a few of the repeated declarations, not every one (at
  // 10,000: 3.6 s before, quadratic; 0.1 s after).
  std::string file = "#include <stdio.h>\n";
  for (int i = 0; i < 20000; ++i) file += "extern char *g_key;\n";
  for (int i = 0; i < 20000; ++i) file += "void f" + std::to_string(i) + "(void) { printf(g_key); puts(g_key); }\n";
  EXPECT_EQ(inspect_one_file("externs.c", file)["files"], 1);
}

TEST(HostileSource, FiftyThousandArgumentVectorsAndComparedLiterals) {
  // 50,000 functions each starting a program from an argument vector whose element 0 it sets and
  // comparing a password with a pointer it set to a literal, and one function doing both 50,000
  // times with one vector and one pointer: each program is settled a bounded number of steps
  // (CODE-3, ValueOrigins::settled_element), each compared operand judged once per function (CRYPTO-4).
  std::string functions = "#include <string.h>\n#include <unistd.h>\n";
  for (int i = 0; i < 50000; ++i)
    functions += "void f" + std::to_string(i) +
                 "(const char *password) { char *args[3] = {0}; args[0] = (char *)\"/bin/sh\"; execv(args[0], args); "
                 "const char *expected = 0; expected = \"Adm1n!2024\"; if (strcmp(password, expected) == 0) execv(args[0], args); }\n";
  functions += "void many(const char *password) {\n  char *args[3] = {0};\n  args[0] = (char *)\"/bin/sh\";\n"
               "  const char *expected = 0;\n  expected = \"Adm1n!2024\";\n" +
               repeat("  if (strcmp(password, expected) == 0) execv(args[0], args);\n", 50000) + "}\n";
  EXPECT_EQ(inspect_one_file("vectors.c", functions)["files"], 1);
}

TEST(HostileSource, TwentyThousandHeadersDeclaringOneExternGlobal) {
  // A sink reading a global its file declares nowhere looks for the extern declaration in the
  // headers the file includes (CODE-2, CRYPTO-4): 20,000 headers of one name each declaring the
  // global, one header declaring 100,000 globals, and a file including hundreds of them that
  // reads the global at thousands of sinks.
  TempDir dir;
  for (int i = 0; i < 20000; ++i) dir.write("t/d" + std::to_string(i) + "/shared.h", "extern char *g_data;\n");
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "extern char *g_" + std::to_string(i) + ";\n";
  dir.write("t/many.h", many);
  std::string sinks = "#include <stdio.h>\n#include \"many.h\"\n";
  for (int i = 0; i < 300; ++i) sinks += "#include \"d" + std::to_string(i) + "/shared.h\"\n";
  for (int i = 0; i < 5000; ++i)
    sinks += "void s" + std::to_string(i) + "(void) { printf(g_data); printf(g_" + std::to_string(i) +
             "); LogonUserA(\"u\", \"d\", g_data, 2, 0, 0); }\n";
  dir.write("t/sinks.c", sinks);
  dir.write("t/store.c", "char *g_data;\nvoid run(void) { g_data = \"ABCD123!\"; }\n");
  expect_report(bounded({"inspect", "--jobs", "2", "--format", "json", (dir.path() / "t").string()}));
}

TEST(HostileSource, TenThousandHeadersEachIncludingTheNext) {
  // The headers a sink's file includes are followed through their own includes (CODE-2,
  // CRYPTO-4): a chain of 10,000 headers each including the next and itself, the last declaring
  // the global, and a header including 256 others that each include it back, included by
  // thousands of sink files.
  TempDir dir;
  for (int i = 0; i < 10000; ++i)
    dir.write("t/h" + std::to_string(i) + ".h", "#include \"h" + std::to_string(i) + ".h\"\n#include \"h" + std::to_string(i + 1) + ".h\"\n");
  dir.write("t/h10000.h", "extern char *g_data;\n");
  std::string fan;
  for (int i = 0; i < 256; ++i) {
    fan += "#include \"f" + std::to_string(i) + ".h\"\n";
    dir.write("t/f" + std::to_string(i) + ".h", "#include \"fan.h\"\n#include \"h0.h\"\n");
  }
  dir.write("t/fan.h", fan);
  for (int i = 0; i < 2000; ++i)
    dir.write("t/s" + std::to_string(i) + ".c", "#include <stdio.h>\n#include \"fan.h\"\n#include \"h0.h\"\n"
                                                "void s" + std::to_string(i) + "(void) { printf(g_data); LogonUserA(\"u\", \"d\", g_data, 2, 0, 0); }\n");
  dir.write("t/store.c", "char *g_data;\nvoid run(void) { g_data = \"ABCD123!\"; }\n");
  expect_report(bounded({"inspect", "--jobs", "2", "--format", "json", (dir.path() / "t").string()}));
}

TEST(HostileSource, ThousandsOfStaticMembersAndReturnedFields) {
  // Static members and the fields of returned structures are followed across files (CODE-2,
  // CRYPTO-4): 20,000 static members defined and stored, each read qualified at a sink many
  // times, and 5,000 functions returning a structure whose fields they store, 5,000 more each
  // reading its own `c` at sinks. (The reads of a name bound in every function cost each sink
  // the name's every binding, outside this follow: 20,000 of them take minutes.)
  std::string members = "#include <stdio.h>\n";
  for (int i = 0; i < 20000; ++i)
    members += "char *H::m" + std::to_string(i) + " = 0;\nvoid H::set" + std::to_string(i) + "(char *v) { m" +
               std::to_string(i % 100) + " = v; H::m" + std::to_string(i) + " = \"ABCD123!\"; }\n";
  for (int i = 0; i < 20000; ++i) members += "void r" + std::to_string(i) + "() { printf(H::m" + std::to_string(i % 100) + "); }\n";
  inspect_one_file("members.cpp", members);
  std::string fields = "#include <stdio.h>\n";
  for (int i = 0; i < 5000; ++i)
    fields += "struct S load" + std::to_string(i) + "(void) { struct S c; c.f = \"x\"; c.g = c.f; fill(c.f); return c; }\n"
              "void use" + std::to_string(i) + "(void) { struct S c = load(); printf(c.f); char *p = c.g; printf(p); }\n";
  inspect_one_file("fields.c", fields);
}

TEST(HostileSource, MegabyteOfLineContinuations) {
  const size_t n = 512 * 1024;  // two bytes each: 1 MiB
  inspect_one_file("define.c", "#define X \\\n" + repeat("\\\n", n) + "strcpy(a, b)\nvoid f(void) { X; }\n");
  inspect_one_file("ident.c", "void f(void) { str" + repeat("\\\n", n) + "cpy(a, b); }\n");
  inspect_one_file("comment.c", "// comment \\\n" + repeat("\\\n", n) + "strcpy(a, b);\n");
  inspect_one_file("string.c", "const char *s = \"" + repeat("\\\n", n) + "\";\n");
  inspect_one_file("crlf.c", "#define Y \\\r\n" + repeat("\\\r\n", n) + "1\n");
  inspect_one_file("lines.c", repeat("a \\\n", n / 2));
}

TEST(HostileSource, MacrosWhoseExpansionWouldGrowExponentially) {
  std::string doubling = "#include <stdio.h>\n#include <string.h>\n#define M0 strcpy(a, b)\n#define S0 \"%s\"\n";
  for (int i = 1; i <= 64; ++i)
    doubling += "#define M" + std::to_string(i) + " M" + std::to_string(i - 1) + " M" + std::to_string(i - 1) + "\n" +
                "#define S" + std::to_string(i) + " S" + std::to_string(i - 1) + " S" + std::to_string(i - 1) + "\n";
  doubling += "void f(char *a, const char *b) { M64; printf(S64, a); }\n";
  inspect_one_file("doubling.c", doubling);

  std::string function_like = "#define F(x) x x\n#define G(x) F(F(x))\nvoid f(void) { ";
  for (int i = 0; i < 60; ++i) function_like += "G(";
  function_like += "strcpy(a, b)" + std::string(60, ')') + "; }\n";
  inspect_one_file("function_like.c", function_like);

  inspect_one_file("self.c", "#define A B\n#define B A\n#define C C C\n#define D(x) D(D(x))\n"
                             "void f(void) { A; C; D(1); printf(A); }\n");

  std::string chain;  // 20,000 macros each naming the next
  for (int i = 0; i < 20000; ++i) chain += "#define L" + std::to_string(i) + " L" + std::to_string(i + 1) + "\n";
  chain += "#define L20000 \"%d\"\nvoid f(void) { printf(L0, 1); }\n";
  inspect_one_file("chain.c", chain);
}

// CRYPTO-1's class libraries: each SHA-1 selector asks whether an HMAC holds it, by a bounded walk
// back (a statement-wide look was 11 s at 10,000 entries).
TEST(HostileSource, TablesOfClassLibrarySelectors) {
  inspect_one_file("qt.cpp", "#include <QCryptographicHash>\nint t[] = {" + repeat("QCryptographicHash::Sha1, ", 200000) +
                                 "0};\nvoid f() {" + repeat("QMessageAuthenticationCode::hash(a, b, QCryptographicHash::Sha1);", 50000) + "}\n");
  inspect_one_file("cryptopp.cpp", "using namespace CryptoPP;\nvoid f() {" + repeat("HMAC<SHA1> m; MD5 h; ", 100000) + "}\n");
  inspect_one_file("botan.cpp", "void f() { g(" + repeat("Botan::HashFunction::create(", 20000) + "\"MD5\"" +
                                    std::string(20000, ')') + "); }\n");
}

TEST(HostileSource, ManyFindingsInOneFileAreCappedPerRule) {
  // 300,000 banned calls in one file: at most 1000 findings a rule are listed for a file, and one
  // more says how many were not, so memory and report size stay bounded.
  const auto j = inspect_one_file("many.c", "void f(char *a, char *b) {\n" +
                                                repeat("  strcpy(a, b); sprintf(a, b); gets(a);\n", 100000) + "}\n");
  std::map<std::string, size_t> per_rule;
  size_t summaries = 0;
  for (const auto& f : j["findings"]) {
    const auto rule = f["rule"].get<std::string>();
    ++per_rule[rule];
    const auto message = f["message"].get<std::string>();
    if (message.find("more " + rule + " findings in this file are not listed") != std::string::npos) ++summaries;
  }
  ASSERT_GT(per_rule["CODE-1/banned-call"], 0u) << "no CODE-1 rule in this build";
  for (const auto& [rule, n] : per_rule) EXPECT_LE(n, 1001u) << rule;
  EXPECT_GE(summaries, 1u);
  EXPECT_EQ(per_rule["CODE-1/banned-call"], 1001u);
}

// ---- Special files ---------------------------------------------------------------------------------

// The skipped entries of a report, path -> reason.
std::map<std::string, std::string> skipped(const nlohmann::json& j) {
  std::map<std::string, std::string> out;
  for (const auto& s : j["skipped"]) out[s["path"].get<std::string>()] = s["reason"].get<std::string>();
  return out;
}

void make_socket(const fs::path& p) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(p.string().size(), sizeof addr.sun_path);
  std::memcpy(addr.sun_path, p.c_str(), p.string().size());
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr), 0) << std::strerror(errno);
  ::close(fd);
}

TEST(HostileTree, SpecialFilesAreListedAndNeverOpened) {
  TempDir dir;
  const fs::path tree = dir.path() / "t";
  dir.write("t/ok.c", "int ok;\n");
  fs::create_symlink("b", tree / "a");
  fs::create_symlink("a", tree / "b");
  fs::create_symlink("self", tree / "self");
  fs::create_symlink(".", tree / "dir_loop");
  fs::create_symlink("/dev/zero", tree / "zero.c");
  fs::create_symlink("/dev/null", tree / "null.c");
  ASSERT_EQ(::mkfifo((tree / "fifo.c").c_str(), 0644), 0);  // nobody ever writes to it
  make_socket(tree / "sock.c");
  const RunResult t = bounded({"inspect", "--jobs", "2", "--format", "json", tree.string()});
  const auto j = expect_report(t);
  const auto s = skipped(j);
  EXPECT_NE(s.at("a").find("symbolic link"), std::string::npos);
  EXPECT_NE(s.at("self").find("symbolic link"), std::string::npos);
  EXPECT_NE(s.at("dir_loop").find("symbolic link"), std::string::npos);
  EXPECT_NE(s.at("zero.c").find("symbolic link"), std::string::npos);
  EXPECT_NE(s.at("null.c").find("symbolic link"), std::string::npos);
  EXPECT_NE(s.at("fifo.c").find("FIFO"), std::string::npos);
  EXPECT_NE(s.at("sock.c").find("socket"), std::string::npos);
  EXPECT_EQ(j["files"], 1);
}

TEST(HostileTree, DeviceNodeIsNeverOpened) {
  TempDir dir;
  dir.write("t/ok.c", "int ok;\n");
  const fs::path node = dir.path() / "t" / "random.c";
  if (::mknod(node.c_str(), S_IFCHR | 0644, makedev(1, 8)) != 0)  // /dev/random's numbers
    GTEST_SKIP() << "cannot create a device node here (" << std::strerror(errno) << "; needs root)";
  const auto j = expect_report(bounded({"inspect", "--jobs", "2", "--format", "json", (dir.path() / "t").string()}));
  EXPECT_NE(skipped(j).at("random.c").find("device node"), std::string::npos);
  expect_one_line_error(bounded({"inspect", node.string()}), "random.c", "device node");
}

TEST(HostileTree, SpecialFilesNamedOnTheCommandLineAreInputErrors) {
  TempDir dir;
  const fs::path fifo = dir.path() / "fifo.c", zero = dir.path() / "zero.c", loop = dir.path() / "loop.c",
                 sock = dir.path() / "sock.c";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  fs::create_symlink("/dev/zero", zero);
  fs::create_symlink("loop.c", loop);
  make_socket(sock);
  expect_one_line_error(bounded({"inspect", fifo.string()}), "fifo.c", "FIFO");
  expect_one_line_error(bounded({"inspect", zero.string()}), "zero.c", "device node");
  expect_one_line_error(bounded({"inspect", loop.string()}), "loop.c");
  expect_one_line_error(bounded({"inspect", sock.string()}), "sock.c", "socket");
}

TEST(HostileTree, ConfigThatIsAFifoIsAnInputError) {
  TempDir dir;
  dir.write("t/ok.c", "int ok;\n");
  ASSERT_EQ(::mkfifo((dir.path() / "t" / "mdbc.toml").c_str(), 0644), 0);
  expect_one_line_error(bounded({"inspect", (dir.path() / "t").string()}), "mdbc.toml", "not a regular file");
  expect_one_line_error(bounded({"inspect", "--config", "/dev/zero", (dir.path() / "t").string()}), "/dev/zero");
}

TEST(HostileTree, SparseFourGibFileIsSkippedBySizeNotRead) {
  TempDir dir;
  dir.write("t/ok.c", "int ok;\n");
  const fs::path big = dir.path() / "t" / "huge.c";
  { std::ofstream(big.string()); }
  fs::resize_file(big, 4ull << 30);  // sparse: no blocks written
  const RunResult t = bounded({"inspect", "--jobs", "2", "--format", "json", (dir.path() / "t").string()});
  const auto j = expect_report(t);
  EXPECT_NE(skipped(j).at("huge.c").find("size limit"), std::string::npos);
  EXPECT_EQ(j["files"], 1);
  // Named on the command line, it is skipped the same way, and the text report says so.
  const RunResult given = bounded({"inspect", "--format", "text", big.string()});
  EXPECT_TRUE(given.exit_code == 0 || given.exit_code == 1) << given.err;
  EXPECT_NE(given.out.find("size limit"), std::string::npos) << given.out;
}

// ---- Unreadable files --------------------------------------------------------------------------------

// Runs mdbc as an ordinary user: directly when we are one, else through setpriv as nobody.
// Empty optional when that is not possible here.
std::optional<RunResult> as_ordinary_user(const std::vector<std::string>& args) {
  std::vector<std::string> argv;
  if (::geteuid() == 0) argv = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", MDBC_BINARY};
  else argv = {MDBC_BINARY};
  const RunResult probe = run([&] { auto a = argv; a.push_back("--version"); return a; }(), {}, 30);
  if (probe.exit_code != 0) return std::nullopt;
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv, {}, hang_guard_seconds);
}

// Decision: an unreadable file or directory leaves the inspection incomplete, so there is no
// verdict: exit 2 with one line naming it (exit 0 would claim a tree meets the code unread).
TEST(HostileTree, UnreadableFileIsAnInputErrorNamingIt) {
  TempDir dir;
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  dir.write("t/ok.c", "int ok;\n");
  const auto secret = dir.write("t/secret.c", "int secret;\n");
  fs::permissions(secret, fs::perms::none);
  auto r = as_ordinary_user({"inspect", (dir.path() / "t").string()});
  if (!r) GTEST_SKIP() << "cannot run mdbc as an ordinary user here";
  expect_one_line_error(*r, "secret.c", "Permission denied");

  fs::remove(secret);
  dir.write("t/sub/inner.c", "int inner;\n");
  fs::permissions(dir.path() / "t" / "sub", fs::perms::none);
  r = as_ordinary_user({"inspect", (dir.path() / "t").string()});
  ASSERT_TRUE(r);
  expect_one_line_error(*r, "sub", "Permission denied");

  fs::permissions(dir.path() / "t" / "sub", fs::perms::owner_all | fs::perms::others_read);  // listable, not searchable
  r = as_ordinary_user({"inspect", (dir.path() / "t").string()});
  ASSERT_TRUE(r);
  expect_one_line_error(*r, "inner.c", "Permission denied");
}

TEST(HostileTree, OutputToADeviceWritesIntoItAndNeverReplacesIt) {
  TempDir dir;
  dir.write("t/ok.c", "int ok;\n");
  const fs::path null = dir.path() / "null";
  if (::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)  // /dev/null's numbers
    GTEST_SKIP() << "cannot create a device node here (" << std::strerror(errno) << "; needs root)";
  const RunResult r = mdbc({"inspect", "-o", null.string(), (dir.path() / "t").string()});
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  EXPECT_TRUE(fs::is_character_file(fs::symlink_status(null)));
  EXPECT_FALSE(fs::exists(null.string() + ".mdbc-tmp"));
}

// ---- Hostile names -----------------------------------------------------------------------------------

TEST(HostileNames, InvalidUtf8AndNewlinesAreEscapedInEveryFormat) {
  TempDir dir;
  const std::string bad = std::string("bad\xff\nname\x01.c");
  const std::string bad_shown = "bad\\xff\\nname\\x01.c";
  dir.write("t/" + bad, "#include <string.h>\nvoid f(char *d, const char *s) { strcpy(d, s); }\n");
  const std::string fifo = "fifo\n\xc3(.c";
  ASSERT_EQ(::mkfifo((dir.path() / "t" / fifo).c_str(), 0644), 0);
  const std::string root = (dir.path() / "t").string();

  const RunResult text = bounded({"inspect", "--jobs", "2", root});
  EXPECT_TRUE(text.exit_code == 0 || text.exit_code == 1) << text.err;
  EXPECT_TRUE(valid_utf8(text.out));
  EXPECT_EQ(text.out.find(bad), std::string::npos);
  EXPECT_EQ(text.out.find("fifo\n"), std::string::npos);
  EXPECT_NE(text.out.find("fifo\\n\\xc3(.c"), std::string::npos) << text.out;

  const auto j = expect_report(bounded({"inspect", "--jobs", "2", "--format", "json", root}));
  EXPECT_TRUE(skipped(j).count("fifo\\n\\xc3(.c")) << j["skipped"].dump();
  bool bad_found = false;
  for (const auto& f : j["findings"]) bad_found = bad_found || f["path"] == bad_shown;
  if (bad_found) {
    EXPECT_NE(text.out.find(bad_shown), std::string::npos);
  }

  const RunResult sarif = bounded({"inspect", "--jobs", "2", "--format", "sarif", root});
  if (sarif.exit_code == 2 && sarif.err.find("--format") != std::string::npos) return;  // no SARIF in this build
  EXPECT_TRUE(sarif.exit_code == 0 || sarif.exit_code == 1) << sarif.err;
  EXPECT_TRUE(valid_utf8(sarif.out));
  nlohmann::json s;
  ASSERT_NO_THROW(s = nlohmann::json::parse(sarif.out));
  const std::string dumped = s.dump();
  EXPECT_EQ(dumped.find("\\u0001"), std::string::npos) << "a raw control byte reached the SARIF";
  if (bad_found) {  // as a URI the name is percent-encoded; as text it is escaped
    EXPECT_TRUE(dumped.find("bad%FF%0Aname%01.c") != std::string::npos || dumped.find("bad\\\\xff") != std::string::npos)
        << dumped.substr(0, 3000);
  }
}

TEST(HostileNames, RootWithHostileNameAndConfig) {
  TempDir dir;
  const std::string root = (dir.path() / "r\xfe\n").string();
  dir.write("r\xfe\n/a.c", "int a;\n");
  dir.write("r\xfe\n/mdbc.toml", "profile = \"A\"\n");
  const auto j = expect_report(bounded({"inspect", "--format", "json", root}));
  EXPECT_EQ(j["profile"], "A");
  EXPECT_NE(j["config"].get<std::string>().find("r\\xfe\\n/mdbc.toml"), std::string::npos) << j["config"];
  expect_one_line_error(bounded({"inspect", root + "/missing\x01.c"}), "missing\\x01.c");
}

// ---- Usage and configuration errors --------------------------------------------------------------------

TEST(HostileUsage, MissingPath) {
  TempDir dir;
  expect_one_line_error(mdbc({"inspect", (dir.path() / "nowhere").string()}), "nowhere", "cannot access");
  // One good root and one missing: still no verdict.
  dir.write("t/ok.c", "int ok;\n");
  expect_one_line_error(mdbc({"inspect", (dir.path() / "t").string(), (dir.path() / "gone.c").string()}), "gone.c");
}

TEST(HostileUsage, BadConfigNamesFileLineAndKey) {
  TempDir dir;
  dir.write("t/ok.c", "int ok;\n");
  const std::string root = (dir.path() / "t").string();
  const auto with_config = [&](const std::string& text) {
    dir.write("t/mdbc.toml", text);
    return bounded({"inspect", root});
  };
  expect_one_line_error(with_config("profile = \"A\"\n\nexclude = [\"x\",\n= 3\n"), "mdbc.toml:4:");
  expect_one_line_error(with_config("profile = \"A\"\nprofil = \"B\"\n"), "mdbc.toml:2:", "unknown key 'profil'");
  const std::string variance = "[[variance]]\nelement = \"CODE-1\"\njustification = \"bounded\"\n";
  expect_one_line_error(with_config(variance + "reviewer = \"r\"\nexpires = \"2025-02-30\"\n"), "mdbc.toml:5:", "expires");
  expect_one_line_error(with_config(variance + "expires = 2030-01-01\n"), "mdbc.toml:1:", "reviewer");
  expect_one_line_error(with_config("profile = \"Z-connected\"\n"), "mdbc.toml", "unknown profile 'Z-connected'");
  expect_one_line_error(with_config(std::string("\xff\xfe = 1\n")), "mdbc.toml:1:");
  expect_one_line_error(with_config(std::string(2 << 20, '#')), "mdbc.toml", "limit");
  expect_one_line_error(with_config("exclude = " + std::string(100000, '[') + "\n"), "mdbc.toml:1:");
}

TEST(HostileUsage, UnknownProfileAndBadOptions) {
  TempDir dir;
  dir.write("t/ok.c", "int ok;\n");
  const std::string root = (dir.path() / "t").string();
  expect_one_line_error(mdbc({"inspect", "--profile", "D", root}), "unknown profile 'D'", "C-connected");
  for (const std::string jobs : {"abc", "-1", "99999", "", "1e3", "0x"})
    expect_one_line_error(mdbc({"inspect", "--jobs", jobs, root}), "--jobs");
  expect_one_line_error(mdbc({"inspect", "--jobs"}), "--jobs");
  expect_one_line_error(mdbc({"inspect", "--date", "2025-02-30", root}), "--date");
  expect_one_line_error(mdbc({"inspect", "--max-file-size", "0", root}), "--max-file-size");
  expect_one_line_error(mdbc({"inspect", "--format", "xml", root}), "--format");
  expect_one_line_error(mdbc({"inspect", "--no-such-option", root}), "--no-such-option");
  expect_one_line_error(mdbc({"inspect"}), "PATH");
}

// ---- Threads, progress, quiet ------------------------------------------------------------------------------

TEST(Jobs, ReportIsTheSameWhateverTheNumberOfThreads) {
  TempDir dir;
  for (int i = 0; i < 60; ++i)
    dir.write("t/m" + std::to_string(i % 7) + "/f" + std::to_string(i) + ".c",
              "#include <stdio.h>\nvoid f" + std::to_string(i) + "(char *a, char *b) {\n  strcpy(a, b);\n  printf(a);\n"
              "  f" + std::to_string((i + 1) % 60) + "(a, b);\n}\n");
  const std::string root = (dir.path() / "t").string();
  const RunResult one = mdbc({"inspect", "--format", "json", "--date", "2025-01-01", "-j", "1", root});
  EXPECT_TRUE(one.exit_code == 0 || one.exit_code == 1) << one.err;
  for (const std::string jobs : {"2", "8", "0"}) {
    const RunResult many = mdbc({"inspect", "--format", "json", "--date", "2025-01-01", "--jobs=" + jobs, root});
    EXPECT_EQ(many.exit_code, one.exit_code);
    EXPECT_EQ(many.out, one.out) << "--jobs " << jobs;
  }
}

// Above 16,384 findings a thread (engine.cpp, findings_per_thread) the engine unpacks, sorts and
// fingerprints the findings in parts on several threads: sorted parts are merged, and
// fingerprint parts start where a path does, as a path's identical findings are counted in one
// go. 72,004 findings take those paths on 3 and 4 threads and must give the bytes of one. The
// tree-wide findings (LOG-2, decided after every file) come after the files' own before the sort,
// so the parts must be merged; each file's 600 identical lines a rule make its fingerprints wrong
// if a part starts inside it.
TEST(Jobs, ManyFindingsAreSortedAndFingerprintedInPartsAsInOne) {
  TempDir dir;
  for (int file = 0; file < 30; ++file) {
    std::string text = "#include <string.h>\n#include <stdio.h>\n";
    for (int k = 0; k < 600; ++k)
      text += "int check_pin" + std::to_string(file) + "_" + std::to_string(k) +
              "(char *pin, char *stored_pin)\n{\n  strcpy(pin, stored_pin);\n  printf(pin);\n"
              "  if (strcmp(pin, stored_pin) != 0) return -1;\n  return 0;\n}\n";
    dir.write("t/f" + std::to_string(file) + ".c", text);
  }
  const std::string root = (dir.path() / "t").string();
  const RunResult one = mdbc({"inspect", "--format", "json", "--date", "2025-01-01", "--jobs", "1", root});
  ASSERT_EQ(one.exit_code, 1) << one.err;
  const nlohmann::json report = nlohmann::json::parse(one.out);
  ASSERT_GE(report["findings"].size(), 4u * 16384) << "too few findings for four parts";
  for (const std::string jobs : {"3", "4"}) {
    const RunResult many = mdbc({"inspect", "--format", "json", "--date", "2025-01-01", "--jobs", jobs, root});
    EXPECT_EQ(many.exit_code, one.exit_code);
    EXPECT_TRUE(many.out == one.out) << "--jobs " << jobs << " differs from --jobs 1";  // 36 MB: not printed
  }
}

// Runs a shell command line under a pseudo-terminal (script(1)); returns what the terminal showed.
RunResult on_terminal(const std::string& command) { return run({"script", "-qec", command, "/dev/null"}, {}, hang_guard_seconds); }

std::string quoted(const std::string& s) { return "'" + s + "'"; }

TEST(Progress, OnlyOnATerminalAndNotWhenQuiet) {
  TempDir dir;
  dir.write("t/a.c", "int a;\n");
  const std::string root = (dir.path() / "t").string();
  const RunResult piped = mdbc({"inspect", root});
  EXPECT_TRUE(piped.exit_code == 0 || piped.exit_code == 1);
  EXPECT_EQ(piped.err, "");  // stderr is a pipe: no progress line

  const RunResult tty = on_terminal(quoted(MDBC_BINARY) + " inspect " + quoted(root) + " >/dev/null");
  if (tty.exit_code == 2 && tty.out.find("mdbc") == std::string::npos) GTEST_SKIP() << "no pseudo-terminal: " << tty.err;
  EXPECT_NE(tty.out.find("/1 files"), std::string::npos) << tty.out;
  for (const char* quiet : {"--quiet", "-q"}) {
    const RunResult q = on_terminal(quoted(MDBC_BINARY) + " inspect " + quiet + " " + quoted(root) + " >/dev/null");
    EXPECT_EQ(q.out.find("files"), std::string::npos) << q.out;
  }
}

}  // namespace
}  // namespace mdbc::test
