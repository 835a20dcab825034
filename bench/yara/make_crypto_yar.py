#!/usr/bin/env python3
"""Writes bench/yara/crypto.yar: YARA rules for the constant tables mdbc's binary stage searches for
(data/crypto-tables.tsv plus the tables mdbc derives: AES T-tables, the MD5 sine table, Keccak round
constants, the Blowfish P-array, ChaCha/Salsa20 constants, CRC tables), in the same byte forms
(byte orders and element widths), each as the first 32 bytes of the form. Used by bench/binary.sh
to compare throughput on equal work; mdbc additionally confirms each table and looks for scattered
round constants, which these rules do not."""
import math
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]


def typed_tables():
    out = []
    for line in (ROOT / "data/crypto-tables.tsv").read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        alg, name, _src, bits, notation, values = line.split("\t")
        out.append((alg, name, int(bits), notation, [int(v, 16) for v in values.split()]))
    return out


def gmul(a, b):
    r = 0
    while b:
        if b & 1:
            r ^= a
        a = ((a << 1) ^ 0x11B) if a & 0x80 else a << 1
        b >>= 1
    return r


def derived(typed):
    sbox = next(v for a, n, _b, _x, v in typed if a == "AES" and n == "S-box")
    inv = next(v for a, n, _b, _x, v in typed if a == "AES" and n == "inverse S-box")
    te0 = [gmul(s, 2) << 24 | s << 16 | s << 8 | gmul(s, 3) for s in sbox]
    td0 = [gmul(v, 14) << 24 | gmul(v, 9) << 16 | gmul(v, 13) << 8 | gmul(v, 11) for v in inv]
    rot = lambda x, n: ((x >> n) | (x << (32 - n))) & 0xFFFFFFFF if n else x
    out = []
    for n in range(4):
        out.append(("AES", "Te%d" % n, 32, "-", [rot(v, 8 * n) for v in te0]))
        out.append(("AES", "Td%d" % n, 32, "-", [rot(v, 8 * n) for v in td0]))
    out.append(("MD5", "T", 32, "-", [int(abs(math.sin(i)) * 2**32) for i in range(1, 65)]))

    def rc(t):
        r = 1
        for _ in range(t % 255):
            r = ((r << 1) ^ 0x71) & 0xFF if r & 0x80 else r << 1
        return r & 1
    out.append(("Keccak", "RC", 64, "-", [sum(rc(j + 7 * i) << (2**j - 1) for j in range(7)) for i in range(24)]))

    def arctan_inv(x, bits):
        power = (1 << bits) // x
        total, k = power, 1
        while power:
            power //= x * x
            term = power // (2 * k + 1)
            total += -term if k % 2 else term
            k += 1
        return total
    bits = 18 * 32 + 64
    pi = 16 * arctan_inv(5, bits) - 4 * arctan_inv(239, bits)
    frac = pi & ((1 << bits) - 1)
    out.append(("Blowfish", "P", 32, "-", [(frac >> (bits - 32 * (i + 1))) & 0xFFFFFFFF for i in range(18)]))
    for text in (b"expand 32-byte k", b"expand 16-byte k"):
        out.append(("ChaCha", text.decode(), 32, "-", [int.from_bytes(text[i:i + 4], "little") for i in range(0, 16, 4)]))
    return out


def crc_tables():
    def table(bits, poly, reflected):
        top, mask = 1 << (bits - 1), (1 << bits) - 1
        out = []
        for i in range(256):
            c = i if reflected else i << (bits - 8)
            for _ in range(8):
                if reflected:
                    c = (c >> 1) ^ poly if c & 1 else c >> 1
                else:
                    c = (c << 1) ^ poly if c & top else c << 1
            out.append(c & mask)
        return out
    specs = [(32, 0xEDB88320, True), (32, 0x04C11DB7, False), (32, 0x82F63B78, True), (16, 0xA001, True),
             (16, 0x1021, False), (16, 0x8408, True), (16, 0x8005, False), (8, 0x07, False), (8, 0x8C, True),
             (64, 0xC96C5795D7870F42, True), (64, 0x42F0E1EBA9EA3693, False)]
    return [("CRC", "%d_%x" % (b, p), b, "-", table(b, p, r)) for b, p, r in specs]


def orderings(notation, values):
    out = [values]
    if notation == "one-based":
        out.append([v - 1 for v in values])
    elif notation == "des-sbox":
        out.append([values[(((b >> 4) & 2) | (b & 1)) * 16 + ((b >> 1) & 15)] for b in range(64)])
    return out


def forms(bits, values):
    pack = lambda vals, size, order: b"".join(v.to_bytes(size, order) for v in vals)
    if bits == 8:
        return [bytes(values), pack(values, 4, "little"), pack(values, 4, "big"), pack([v << 8 for v in values], 4, "little"),
                pack([v << 8 for v in values], 4, "big"), pack([v * 0x01010101 for v in values], 4, "little")]
    if bits == 16:
        return [pack(values, 2, "little"), pack(values, 2, "big")]
    if bits == 32:
        out = [pack(values, 4, "little"), pack(values, 4, "big")]
        if len(values) <= 80:
            out += [pack(values, 8, "little"), pack(values, 8, "big")]
        return out
    return [pack(values, 8, "little"), pack(values, 8, "big"),
            b"".join((v >> 32).to_bytes(4, "little") + (v & 0xFFFFFFFF).to_bytes(4, "little") for v in values)]


def main():
    typed = typed_tables()
    rules = {}
    for alg, name, bits, notation, values in typed + derived(typed) + crc_tables():
        for ordered in orderings(notation, values):
            for form in forms(bits, ordered):
                rules.setdefault(re.sub(r"[^A-Za-z0-9]+", "_", alg).strip("_"), []).append(form[:32])
    text = ["// Generated by bench/yara/make_crypto_yar.py from data/crypto-tables.tsv: do not edit.",
            "// The constant families mdbc's binary stage searches for, for bench/binary.sh.", ""]
    for rule, strings in sorted(rules.items()):
        unique = sorted(set(strings))
        text.append("rule %s_constants {" % rule.lower())
        text.append("  strings:")
        for i, s in enumerate(unique):
            text.append("    $t%d = { %s }" % (i, " ".join("%02x" % b for b in s)))
        text.append("  condition:")
        text.append("    any of them")
        text.append("}")
        text.append("")
    (ROOT / "bench/yara/crypto.yar").write_text("\n".join(text))


if __name__ == "__main__":
    main()
