#!/usr/bin/env python3
"""The real imbalanced datasets of the benchmark, as plain numeric CSVs (see README.md here).

Python 3 standard library only. The data is not in the repository; download it from the original sites:

    python3 benchmarks/real-data/prepare.py --from UPSTREAM [--to DIR]

converts the upstream files found in UPSTREAM into DIR (default benchmarks/.data/real, where
side-by-side.sh --real looks). A file can also sit inside a .zip in UPSTREAM (zips inside zips too), as the
UCI pages serve it. A dataset whose upstream file is absent is skipped with a line saying what to download
from where. --only NAME[,NAME...] limits it to some datasets (names: see SOURCES below). Every output is
checked against the official row and class counts and against the sha256 in SHA256 below, so a table
measured on these files is reproducible. The exit code is 1 if a check fails.

Output format (every file): one header row, numeric feature columns only, the class in the last column `label`
(integers), original row order. Rows with a missing value are dropped. An integral value is written as an
integer ("0.00" -> "0"), any other value as Python's shortest round-trip repr, so every value parses to the
same double as the source token.
"""
import argparse
import csv
import gzip
import hashlib
import io
import math
import os
import sys
import zipfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(os.path.dirname(HERE), ".data", "real")

# sha256 of every CSV this script writes.
SHA256 = {
    "shuttle.csv": "78db31e50e89a786652915bb0d9dc90bad37ff33d502042aeccfb1ec37e59aa9",
    "shuttle_binary.csv": "46e9e42490103c0cb5cc1eeae8f91283097e49dee656e0b44585fc6c5653fcf6",
    "credit_default_taiwan.csv": "b841ca158f0b5638f8ffca061d845802d2de8e249b788a6e8b03bf4ac30ec9df",
    "give_me_some_credit.csv": "d27c4832bf0a29cc7bd0805677fdad3a1ffad411ddc723b1b61739174da6553f",
    "kddcup99_10pct.csv": "4be8c68b485b55f7947e40e7b44db105f0097e966a75f10ed570539382d6f677",
    "kddcup99_10pct_binary_nodos.csv": "8ea3b8519a943f35ecffdf454bf1548629632dbca27acf202fc4a5cec0e59afe",
    "bank_marketing_full.csv": "f40908eb34fb71aa9704f3722e20141ce9d33e670185f14a818330ba9a90b861",
    "oil_spill.csv": "14face4ddb26ab68c0c1dd504a8cc5a50b836f09d5a759f8eb6be5997f13cddc",
    "breast_cancer_wdbc.csv": "810f5e6fc4cfd485705c71e5042e98fb30978b22cdb3f6bf1a1500e0f3866067",
}

MISSING = {"", "NA", "na", "NaN", "nan", "?", "null", "NULL"}
FAILURES = []


def check(cond, msg):
    print(("  OK   " if cond else "  FAIL ") + msg)
    if not cond:
        FAILURES.append(msg)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def num(tok):
    """A numeric token as a float; None if missing. Raises on other text."""
    t = tok.strip().strip('"')
    if t in MISSING:
        return None
    v = float(t)
    if math.isnan(v) or math.isinf(v):
        return None
    return v


def fmt(v):
    if v.is_integer() and abs(v) < 2 ** 53:
        return str(int(v))
    return repr(v)


def write_atomic(path, data):
    tmp = path + ".part"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


class Sink:
    """Collects the rows of one output CSV."""

    def __init__(self, name, features):
        self.name = name
        self.features = list(features)
        self.rows = []          # (tuple of floats, int label)
        self.dropped = 0

    def add(self, values, label):
        if any(v is None for v in values) or label is None:
            self.dropped += 1
            return
        assert len(values) == len(self.features), (self.name, len(values))
        self.rows.append((tuple(values), int(label)))

    def write(self, out):
        lines = [",".join(self.features + ["label"])]
        lines += [",".join(fmt(v) for v in vals) + "," + str(lab) for vals, lab in self.rows]
        data = ("\n".join(lines) + "\n").encode()
        write_atomic(os.path.join(out, self.name + ".csv"), data)
        counts = dict(sorted(Counter(l for _, l in self.rows).items()))
        maxabs, maxfeat = -1.0, None
        for j, feat in enumerate(self.features):
            m = max(abs(vals[j]) for vals, _ in self.rows)
            if m > maxabs:
                maxabs, maxfeat = m, feat
        print("  wrote %s: %d rows x %d features, %d dropped, classes %s, max |x| %s (%s), %.1f MB"
              % (self.name + ".csv", len(self.rows), len(self.features), self.dropped, counts,
                 fmt(maxabs), maxfeat, len(data) / 1e6))
        check(sha256(data) == SHA256[self.name + ".csv"],
              "%s sha256 %s" % (self.name + ".csv", SHA256[self.name + ".csv"]))


# --------------------------------------------------------------------------
# Finding the upstream files
# --------------------------------------------------------------------------
class Upstream:
    """The files in the --from folder, and the members of the zips there (zips inside zips too)."""

    def __init__(self, folder):
        self.folder = folder
        self._members = None

    def _scan(self):
        self._members = []      # (basename, label, zipfile, member name)

        def walk(zf, label, depth):
            for info in zf.infolist():
                if info.is_dir() or "__MACOSX" in info.filename:
                    continue
                base = info.filename.rsplit("/", 1)[-1]
                self._members.append((base, "%s:%s" % (label, info.filename), zf, info.filename))
                if base.lower().endswith(".zip") and depth < 3:
                    try:
                        inner = zipfile.ZipFile(io.BytesIO(zf.read(info.filename)))
                    except zipfile.BadZipFile:
                        continue
                    walk(inner, "%s:%s" % (label, info.filename), depth + 1)

        for name in sorted(os.listdir(self.folder)):
            path = os.path.join(self.folder, name)
            if name.lower().endswith(".zip") and os.path.isfile(path):
                try:
                    walk(zipfile.ZipFile(path), name, 1)
                except zipfile.BadZipFile:
                    print("  note %s is not a zip file; ignored" % path)

    def find(self, *names):
        """(name, where, bytes) of the first of `names` present, as a file or in a zip; None if none is."""
        for name in names:
            path = os.path.join(self.folder, name)
            if os.path.isfile(path):
                with open(path, "rb") as f:
                    return name, path, f.read()
        if self._members is None:
            self._scan()
        for name in names:
            for base, label, zf, member in self._members:
                if base == name:
                    return name, os.path.join(self.folder, label), zf.read(member)
        return None


def unlzw(data):
    """Decompress Unix `compress` (.Z) data, as in ncompress (UCI ships shuttle.trn as shuttle.trn.Z)."""
    if data[:2] != b"\x1f\x9d":
        raise ValueError("not a .Z file")
    maxbits = data[2] & 0x1F
    block = data[2] & 0x80
    if not 9 <= maxbits <= 16:
        raise ValueError(".Z file with %d-bit codes" % maxbits)
    first = 257 if block else 256
    table = [bytes([i]) for i in range(256)] + ([b""] if block else [])
    out = bytearray()
    total = len(data) * 8
    pos = mark = 24
    bits = 9
    prev = None
    buf = data + b"\0\0\0"

    def align(pos, mark, bits):
        # codes come in groups of 8 (bits bytes); a width change or a clear skips to the next group
        group = bits * 8
        return mark + -(-(pos - mark) // group) * group

    while True:
        if len(table) > (1 << bits) - 1 and bits < maxbits:
            pos = mark = align(pos, mark, bits)
            bits += 1
        if pos + bits > total:
            break
        i = pos >> 3
        code = ((buf[i] | buf[i + 1] << 8 | buf[i + 2] << 16) >> (pos & 7)) & ((1 << bits) - 1)
        pos += bits
        if prev is None:
            if code > 255:
                raise ValueError("bad first code in .Z data")
            prev = table[code]
            out += prev
            continue
        if code == 256 and block:
            del table[first:]
            pos = mark = align(pos, mark, bits)
            bits = 9
            prev = None
            continue
        if code < len(table):
            entry = table[code]
        elif code == len(table):
            entry = prev + prev[:1]
        else:
            raise ValueError("bad code in .Z data")
        if len(table) < (1 << maxbits):
            table.append(prev + entry[:1])
        out += entry
        prev = entry
    return bytes(out)


# --------------------------------------------------------------------------
# 1. UCI Statlog (Shuttle)
# --------------------------------------------------------------------------
SHUTTLE_OFFICIAL = {  # UCI shuttle.doc / Statlog: class counts of shuttle.trn, shuttle.tst
    "trn": {1: 34108, 2: 37, 3: 132, 4: 6748, 5: 2458, 6: 6, 7: 11},
    "tst": {1: 11478, 2: 13, 3: 39, 4: 2155, 5: 809, 6: 4, 7: 2},
}


def shuttle(up):
    trn = up.find("shuttle.trn", "shuttle.trn.Z")
    tst = up.find("shuttle.tst")
    if trn is None or tst is None:
        return None
    feats = ["A%d" % i for i in range(1, 10)]  # A1 is "time" per shuttle.doc
    multi = Sink("shuttle", feats)
    binary = Sink("shuttle_binary", feats)
    for part, (name, where, raw) in (("trn", trn), ("tst", tst)):
        print("  read %s" % where)
        if name.endswith(".Z"):
            raw = unlzw(raw)
        # shuttle.trn is space-separated, shuttle.tst tab-separated
        rows = [line.split() for line in raw.decode().splitlines() if line.strip()]
        official = 43500 if part == "trn" else 14500
        check(len(rows) == official, "shuttle.%s has %d rows (official %d)" % (part, len(rows), official))
        cnt = dict(sorted(Counter(int(r[9]) for r in rows).items()))
        check(cnt == SHUTTLE_OFFICIAL[part], "shuttle.%s class counts %s match UCI" % (part, cnt))
        for r in rows:
            assert len(r) == 10, r
            vals = [num(t) for t in r[:9]]
            c = int(r[9])
            multi.add(vals, c)
            binary.add(vals, 0 if c == 1 else 1)
    return [multi, binary]


# --------------------------------------------------------------------------
# 2. UCI default of credit card clients (Taiwan), Kaggle's CSV rendering
# --------------------------------------------------------------------------
def credit_default(up):
    got = up.find("UCI_Credit_Card.csv")
    if got is None:
        return None
    print("  read %s" % got[1])
    rows = list(csv.reader(io.StringIO(got[2].decode("utf-8-sig"))))
    head = rows[0]
    assert head[0] == "ID" and head[-1] == "default.payment.next.month", head
    s = Sink("credit_default_taiwan", head[1:-1])
    for r in rows[1:]:
        s.add([num(t) for t in r[1:-1]], int(float(r[-1])))
    check(len(rows) - 1 == 30000, "credit default has %d rows (official 30000)" % (len(rows) - 1))
    pos = sum(l for _, l in s.rows)
    check(pos == 6636, "credit default positives %d (official 6636 = 22.12%%)" % pos)
    return [s]


# --------------------------------------------------------------------------
# 3. Kaggle "Give Me Some Credit" (cs-training.csv)
# --------------------------------------------------------------------------
def give_me_some_credit(up):
    got = up.find("cs-training.csv")
    if got is None:
        return None
    print("  read %s" % got[1])
    raw = got[2]
    check(hashlib.md5(raw).hexdigest() == "cce525a1d41f234f58d3bb52f3d2516b",
          "cs-training.csv md5 cce525a1d41f234f58d3bb52f3d2516b")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    head = rows[0]
    assert head[0] == "" and head[1] == "SeriousDlqin2yrs", head
    s = Sink("give_me_some_credit", head[2:])
    miss = Counter()
    for r in rows[1:]:
        for name, t in zip(head[2:], r[2:]):
            if num(t) is None:
                miss[name] += 1
        s.add([num(t) for t in r[2:]], int(r[1]))
    n = len(rows) - 1
    check(n == 150000, "cs-training.csv has %d rows (Kaggle: 150000)" % n)
    pos = sum(int(r[1]) for r in rows[1:])
    check(pos == 10026, "cs-training.csv SeriousDlqin2yrs=1 in %d rows (10026)" % pos)
    print("  info missing values per column: %s; rows with any dropped: %d" % (dict(miss), s.dropped))
    return [s]


# --------------------------------------------------------------------------
# 4. KDD Cup 1999, 10 % training subset
# --------------------------------------------------------------------------
KDD_COLS = [
    "duration", "protocol_type", "service", "flag", "src_bytes", "dst_bytes",
    "land", "wrong_fragment", "urgent", "hot", "num_failed_logins", "logged_in",
    "num_compromised", "root_shell", "su_attempted", "num_root",
    "num_file_creations", "num_shells", "num_access_files", "num_outbound_cmds",
    "is_host_login", "is_guest_login", "count", "srv_count", "serror_rate",
    "srv_serror_rate", "rerror_rate", "srv_rerror_rate", "same_srv_rate",
    "diff_srv_rate", "srv_diff_host_rate", "dst_host_count",
    "dst_host_srv_count", "dst_host_same_srv_rate", "dst_host_diff_srv_rate",
    "dst_host_same_src_port_rate", "dst_host_srv_diff_host_rate",
    "dst_host_serror_rate", "dst_host_srv_serror_rate", "dst_host_rerror_rate",
    "dst_host_srv_rerror_rate",
]
KDD_TEXT = {"protocol_type", "service", "flag"}
# attack -> category, as in the KDD Cup 99 task description (training_attack_types)
KDD_CAT = {
    "normal": 0,
    "back": 1, "land": 1, "neptune": 1, "pod": 1, "smurf": 1, "teardrop": 1,       # dos
    "ipsweep": 2, "nmap": 2, "portsweep": 2, "satan": 2,                           # probe
    "ftp_write": 3, "guess_passwd": 3, "imap": 3, "multihop": 3, "phf": 3,
    "spy": 3, "warezclient": 3, "warezmaster": 3,                                  # r2l
    "buffer_overflow": 4, "loadmodule": 4, "perl": 4, "rootkit": 4,                # u2r
}


def kddcup99(up):
    got = up.find("kddcup.data_10_percent.gz", "kddcup.data_10_percent")
    if got is None:
        return None
    print("  read %s" % got[1])
    raw = got[2]
    if got[0].endswith(".gz"):
        raw = gzip.decompress(raw)
    keep = [i for i, c in enumerate(KDD_COLS) if c not in KDD_TEXT]
    feats = [KDD_COLS[i] for i in keep]
    five = Sink("kddcup99_10pct", feats)
    nodos = Sink("kddcup99_10pct_binary_nodos", feats)
    n = 0
    for line in raw.decode().splitlines():
        if not line:
            continue
        r = line.split(",")
        assert len(r) == 42, r
        n += 1
        vals = [num(r[i]) for i in keep]
        cat = KDD_CAT[r[41].rstrip(".")]
        five.add(vals, cat)
        if cat != 1:
            nodos.add(vals, 0 if cat == 0 else 1)
    check(n == 494021, "kddcup.data_10_percent has %d rows (official 494021)" % n)
    c = dict(sorted(Counter(l for _, l in five.rows).items()))
    check(c == {0: 97278, 1: 391458, 2: 4107, 3: 1126, 4: 52},
          "KDD 5-class counts %s (normal 97278, dos 391458, probe 4107, r2l 1126, u2r 52)" % c)
    return [five, nodos]


# --------------------------------------------------------------------------
# 5. UCI Bank Marketing (bank-full.csv)
# --------------------------------------------------------------------------
def bank_marketing(up):
    got = up.find("bank-full.csv")
    if got is None:
        return None
    print("  read %s" % got[1])
    raw = got[2]
    check(hashlib.md5(raw).hexdigest() == "e6b0ca77f3f200ec5428e04dd104da53",
          "bank-full.csv md5 e6b0ca77f3f200ec5428e04dd104da53")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    head = rows[0]
    numeric = ["age", "balance", "day", "duration", "campaign", "pdays", "previous"]
    yesno = ["default", "housing", "loan"]
    cols = [c for c in head if c in numeric or c in yesno]  # original column order
    idx = [head.index(c) for c in cols]
    yi = head.index("y")
    s = Sink("bank_marketing_full", cols)
    yn = {"yes": 1.0, "no": 0.0}
    for r in rows[1:]:
        vals = [yn[r[i]] if head[i] in yesno else num(r[i]) for i in idx]
        s.add(vals, yn[r[yi]])
    check(len(rows) - 1 == 45211, "bank-full.csv has %d rows (official 45211)" % (len(rows) - 1))
    pos = sum(l for _, l in s.rows)
    check(pos == 5289, "bank-full.csv y=yes %d (official 5289 = 11.7%%)" % pos)
    return [s]


# --------------------------------------------------------------------------
# 6. Oil spill (Kubat, Holte & Matwin 1998)
# --------------------------------------------------------------------------
def oil_spill(up):
    got = up.find("oil-spill.csv")
    if got is None:
        return None
    print("  read %s" % got[1])
    rows = [r for r in csv.reader(io.StringIO(got[2].decode("utf-8-sig"))) if r]
    s = Sink("oil_spill", ["f%d" % i for i in range(1, 50)])
    for r in rows:
        assert len(r) == 50, r
        s.add([num(t) for t in r[:49]], int(r[49]))
    check(len(rows) == 937, "oil-spill.csv has %d rows (937 in the paper)" % len(rows))
    pos = sum(l for _, l in s.rows)
    check(pos == 41, "oil-spill.csv positives %d (41 oil slicks)" % pos)
    return [s]


# --------------------------------------------------------------------------
# 7. Breast Cancer Wisconsin (Diagnostic): scikit-learn's breast_cancer.csv or UCI's wdbc.data
# --------------------------------------------------------------------------
WDBC_BASE = ["radius", "texture", "perimeter", "area", "smoothness", "compactness",
             "concavity", "concave_points", "symmetry", "fractal_dimension"]


def wdbc(up):
    got = up.find("breast_cancer.csv", "wdbc.data")
    if got is None:
        return None
    print("  read %s" % got[1])
    feats = (["mean_" + b for b in WDBC_BASE] + [b + "_error" for b in WDBC_BASE]
             + ["worst_" + b for b in WDBC_BASE])
    s = Sink("breast_cancer_wdbc", feats)
    rows = list(csv.reader(io.StringIO(got[2].decode("utf-8-sig"))))
    if got[0] == "breast_cancer.csv":
        # scikit-learn: a "569,30,malignant,benign" line, then 30 features and the target (0 = malignant)
        assert rows[0][:2] == ["569", "30"], rows[0]
        rows = rows[1:]
        for r in rows:
            assert len(r) == 31, r
            s.add([num(t) for t in r[:30]], 1 - int(r[30]))
    else:
        # UCI: id, diagnosis (M/B), 30 features; no header (a line not starting with an id is skipped)
        rows = [r for r in rows if r and r[0][:1].isdigit()]
        for r in rows:
            assert len(r) == 32 and r[1] in ("M", "B"), r
            s.add([num(t) for t in r[2:]], 1 if r[1] == "M" else 0)
    check(len(rows) == 569, "WDBC has %d rows (official 569)" % len(rows))
    pos = sum(l for _, l in s.rows)
    check(pos == 212, "WDBC malignant %d (official 212 M / 357 B)" % pos)
    return [s]


# --------------------------------------------------------------------------
# name, converter, outputs, what to download
# --------------------------------------------------------------------------
SOURCES = [
    ("shuttle", shuttle, ["shuttle", "shuttle_binary"],
     "shuttle.trn (or UCI's shuttle.trn.Z) and shuttle.tst from "
     "https://archive.ics.uci.edu/dataset/148/statlog+shuttle (the page's zip will do as it is)"),
    ("credit_default_taiwan", credit_default, ["credit_default_taiwan"],
     "UCI_Credit_Card.csv from https://www.kaggle.com/datasets/uciml/default-of-credit-card-clients-dataset "
     "(the CSV of https://archive.ics.uci.edu/dataset/350/default+of+credit+card+clients; UCI's .xls is not read)"),
    ("give_me_some_credit", give_me_some_credit, ["give_me_some_credit"],
     "cs-training.csv from https://www.kaggle.com/c/GiveMeSomeCredit/data (accept the competition's rules)"),
    ("kddcup99", kddcup99, ["kddcup99_10pct", "kddcup99_10pct_binary_nodos"],
     "kddcup.data_10_percent.gz from http://kdd.ics.uci.edu/databases/kddcup99/kddcup99.html "
     "(or https://archive.ics.uci.edu/dataset/130/kdd+cup+1999+data)"),
    ("bank_marketing_full", bank_marketing, ["bank_marketing_full"],
     "bank-full.csv from https://archive.ics.uci.edu/dataset/222/bank+marketing "
     "(in bank.zip; the page's zip will do as it is)"),
    ("oil_spill", oil_spill, ["oil_spill"],
     "oil-spill.csv from https://raw.githubusercontent.com/jbrownlee/Datasets/master/oil-spill.csv"),
    ("breast_cancer_wdbc", wdbc, ["breast_cancer_wdbc"],
     "breast_cancer.csv from scikit-learn (sklearn/datasets/data/breast_cancer.csv in the installed package) "
     "or wdbc.data from https://archive.ics.uci.edu/dataset/17/breast+cancer+wisconsin+diagnostic"),
]


def convert(src, out, selected):
    up = Upstream(src)
    done = 0
    for name, fn, outputs, where in selected:
        print("== %s" % name)
        sinks = fn(up)
        if sinks is None:
            print("  skip %s: put %s in %s" % (name, where, src))
            continue
        for sink in sinks:
            sink.write(out)
        done += 1
    if done == 0:
        FAILURES.append("no upstream file found in %s" % src)
        print("no upstream file found in %s" % src)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--from", dest="src", metavar="DIR", required=True, help="folder with the upstream files")
    ap.add_argument("--to", metavar="DIR", default=DEFAULT_OUT, help="output folder (default %(default)s)")
    ap.add_argument("--only", metavar="NAMES", help="comma-separated: " + ",".join(s[0] for s in SOURCES))
    args = ap.parse_args(argv)
    selected = SOURCES
    if args.only:
        names = args.only.split(",")
        unknown = set(names) - {s[0] for s in SOURCES}
        if unknown:
            ap.error("unknown dataset(s) %s; known: %s" % (",".join(sorted(unknown)),
                                                          ",".join(s[0] for s in SOURCES)))
        selected = [s for s in SOURCES if s[0] in names]
    if not os.path.isdir(args.src):
        ap.error("--from %s is not a folder" % args.src)
    os.makedirs(args.to, exist_ok=True)
    convert(args.src, args.to, selected)
    if FAILURES:
        print("\n%d CHECK(S) FAILED:" % len(FAILURES))
        for m in FAILURES:
            print("  " + m)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
