// Pairs from reading mdbc's findings on device code: Arduino cores and sketches, SDCC's device
// libraries, Linux kernel drivers built out of tree. Each good twin is a look-alike that such code
// writes every day and must be silent; each bad twin is the flaw the element is about and must be
// reported (a good twin may be the fixed code where the pair is about a miss).
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

// CODE-1 in an Arduino sketch (.ino), C++ that the Arduino builder compiles.
const std::vector<RulePair> sketch_pairs = {
    {"strcpy in a sketch",
     "char name[16];\nvoid setup() { Serial.begin(9600); }\nvoid loop() { strcpy(name, Serial.readString().c_str()); }\n",
     "char name[16];\nvoid setup() { Serial.begin(9600); }\n"
     "void loop() { Serial.readBytesUntil('\\n', name, sizeof name - 1); }\n",
     "pump/pump.ino"},
};

TEST(DeviceCodePairs, ArduinoSketchesAreInspected) { expect_pairs("CODE-1", sketch_pairs); }

}  // namespace
}  // namespace mdbc::source
