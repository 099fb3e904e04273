#!/usr/bin/python3
"""The baseline posrecon is measured against: what a competent user would write instead, in pandas.

Reads a jPOS XML terminal log (xml.etree.ElementTree.iterparse over the <log> entries), an acquirer settlement CSV
and a receipt journal CSV as `posrecon generate` writes them, matches them three ways on a simple level and writes
the cases it finds to OUT/cases.csv (type,terminal_id,stan,amount), which `scripts/bench --score` scores against a
generated day's truth.csv.

  /usr/bin/python3 scripts/baseline_pandas.py --terminal-log DAY/terminal.xml --settlement DAY/settlement.csv \
      --journal DAY/journal.csv --out OUT [--fee-rate 0.60]

What it does:
  * terminal log: each request (<send>) is paired with its response (<receive>) by terminal id (field 41), STAN
    (field 11) and MTI class (0200 with 0210, 0400 with 0410); a request with no response is a timeout. Kind from
    MTI and processing code (field 3): sale, refund, void, reversal; approved when field 39 is 00. Messages without a
    terminal id (network management, echoes) are skipped.
  * settlement <-> terminal: by terminal + RRN, then what is left by terminal + STAN.
  * receipts <-> terminal: card tenders of SALE receipts by terminal + RRN, then what is left by terminal + STAN.
  * cases:
      UNKNOWN_SETTLEMENT  a settlement line with no terminal record
      UNSETTLED_SALE      an approved sale, not voided or reversed, with no settlement line
      PHANTOM_VOID        a sale voided or reversed (approved) on the terminal that was settled all the same
      MISSING_RECEIPT     an approved sale, not voided or reversed, with no receipt card tender
      SHORT_CHARGE        a receipt card tender larger than what the terminal charged (or the terminal's request
                          was declined or timed out: nothing charged)
      OVER_CHARGE         a receipt card tender smaller than what the terminal charged
      FEE_MISMATCH        a settled sale whose fee is not amount x the fee rate (rounded half up to the cent)
    Refund problems and duplicate charges are not looked for.
"""
import argparse
import os
import sys
import time
import xml.etree.ElementTree as ET

import pandas as pd


def parse_terminal_log(path):
    """-> (requests, responses) as DataFrames of strings."""
    requests = []   # (tid, stan, mti, proc, amount, rrn, f90)
    responses = []  # (tid, stan, mti, rrn, auth, rc)
    context = ET.iterparse(path, events=("start", "end"))
    _, root = next(context)
    for event, elem in context:
        if event != "end" or elem.tag != "log":
            continue
        for part in elem:
            if part.tag != "send" and part.tag != "receive":
                continue
            iso = part.find("isomsg")
            if iso is None:
                continue
            f = {fe.get("id"): fe.get("value") for fe in iso.iter("field")}
            tid = f.get("41")
            if tid is None:
                continue
            if part.tag == "send":
                requests.append((tid, f.get("11"), f.get("0"), f.get("3"), f.get("4"), f.get("37"), f.get("90")))
            else:
                responses.append((tid, f.get("11"), f.get("0"), f.get("37"), f.get("38"), f.get("39")))
        root.clear()
    req = pd.DataFrame(requests, columns=["terminal_id", "stan", "mti", "proc", "amount", "req_rrn", "f90"])
    resp = pd.DataFrame(responses, columns=["terminal_id", "stan", "resp_mti", "rrn", "auth", "rc"])
    return req, resp


def minor(series):
    """'12.34' -> 1234 (int64)."""
    return (series.astype(float) * 100).round().astype("int64")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--terminal-log", required=True)
    ap.add_argument("--settlement", required=True)
    ap.add_argument("--journal", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--fee-rate", default="0.60", help="the acquirer's fee in percent of a sale (default 0.60)")
    a = ap.parse_args()
    t0 = time.time()

    # ---- terminal log: pair requests with responses
    req, resp = parse_terminal_log(a.terminal_log)
    t_log = time.time()
    req["cls"] = req["mti"].str[:2]
    resp["cls"] = resp["resp_mti"].str[:2]
    tx = req.merge(resp.drop(columns=["resp_mti"]), on=["terminal_id", "stan", "cls"], how="left")
    tx["timeout"] = tx["rc"].isna()
    tx["approved"] = tx["rc"] == "00"
    tx["amount"] = tx["amount"].astype("int64")
    tx["rrn"] = tx["rrn"].fillna(tx["req_rrn"])
    tx["kind"] = "OTHER"
    tx.loc[(tx["cls"] == "02") & (tx["proc"] == "000000"), "kind"] = "SALE"
    tx.loc[(tx["cls"] == "02") & (tx["proc"] == "200000"), "kind"] = "REFUND"
    tx.loc[(tx["cls"] == "02") & (tx["proc"] == "020000"), "kind"] = "VOID"
    tx.loc[tx["cls"] == "04", "kind"] = "REVERSAL"
    tx["txn"] = range(len(tx))

    # voids and reversals that went through cancel the sale whose STAN they carry in field 90
    cancels = tx[tx["kind"].isin(["VOID", "REVERSAL"]) & tx["approved"]]
    cancelled = set(zip(cancels["terminal_id"], cancels["f90"].str[4:10]))
    sales = tx[tx["kind"] == "SALE"]
    sale_keys = list(zip(sales["terminal_id"], sales["stan"]))
    tx["cancelled"] = False
    tx.loc[sales.index, "cancelled"] = [k in cancelled for k in sale_keys]

    # ---- settlement <-> terminal: terminal + RRN, then terminal + STAN
    st = pd.read_csv(a.settlement, dtype=str, keep_default_na=False)
    st["line"] = range(len(st))
    payments = tx[tx["kind"].isin(["SALE", "REFUND"])]
    by_rrn = st.merge(payments[payments["rrn"].notna()][["terminal_id", "rrn", "txn"]], on=["terminal_id", "rrn"],
                      how="inner")
    rest = st[~st["line"].isin(by_rrn["line"])]
    by_stan = rest.merge(payments[["terminal_id", "stan", "txn"]], on=["terminal_id", "stan"], how="inner")
    settled_lines = pd.concat([by_rrn, by_stan], ignore_index=True)
    unknown = st[~st["line"].isin(settled_lines["line"])]
    tx["settled"] = tx["txn"].isin(settled_lines["txn"])

    # ---- receipts <-> terminal: SALE card tenders by terminal + RRN, then terminal + STAN
    jr = pd.read_csv(a.journal, dtype=str, keep_default_na=False)
    cards = jr[(jr["tender"] == "CARD") & (jr["kind"] == "SALE")].copy()
    cards["tendered"] = minor(cards["tender_amount"])
    cards["row"] = range(len(cards))
    sales = tx[tx["kind"] == "SALE"]
    r_rrn = cards[cards["rrn"] != ""].merge(sales[sales["rrn"].notna()][["terminal_id", "rrn", "txn"]],
                                            on=["terminal_id", "rrn"], how="inner")
    r_rest = cards[~cards["row"].isin(r_rrn["row"])]
    r_stan = r_rest.merge(sales[["terminal_id", "stan", "txn"]], on=["terminal_id", "stan"], how="inner")
    receipted = pd.concat([r_rrn, r_stan], ignore_index=True)
    receipted = receipted[["row", "tendered", "txn"]].merge(
        tx[["txn", "terminal_id", "stan", "amount", "approved"]], on="txn")
    tx["receipted"] = tx["txn"].isin(receipted["txn"])

    # ---- cases
    cases = []

    def add(kind, frame, amount):
        cases.append(pd.DataFrame({"type": kind, "terminal_id": frame["terminal_id"].values,
                                   "stan": frame["stan"].values, "amount": amount}))

    add("UNKNOWN_SETTLEMENT", unknown, unknown["amount"].values)
    live_sales = tx[(tx["kind"] == "SALE") & tx["approved"] & ~tx["cancelled"]]
    unsettled = live_sales[~live_sales["settled"]]
    add("UNSETTLED_SALE", unsettled, unsettled["amount"].values / 100)
    phantom = tx[(tx["kind"] == "SALE") & tx["cancelled"] & tx["settled"]]
    add("PHANTOM_VOID", phantom, phantom["amount"].values / 100)
    no_receipt = live_sales[~live_sales["receipted"]]
    add("MISSING_RECEIPT", no_receipt, no_receipt["amount"].values / 100)
    charged = receipted["amount"].where(receipted["approved"], 0)
    short = receipted[receipted["tendered"] > charged]
    add("SHORT_CHARGE", short, (short["tendered"] - charged[short.index]).values / 100)
    over = receipted[receipted["tendered"] < charged]
    add("OVER_CHARGE", over, (charged[over.index] - over["tendered"]).values / 100)
    rate_bp = round(float(a.fee_rate) * 100)   # 0.60 % -> 60 basis points
    sl = settled_lines[settled_lines["type"] == "SALE"]
    expected = (minor(sl["amount"]) * rate_bp + 5000) // 10000
    fee_off = sl[minor(sl["fee"]) != expected]
    add("FEE_MISMATCH", fee_off, ((minor(fee_off["fee"]) - expected[fee_off.index]) / 100).values)

    out = pd.concat(cases, ignore_index=True)
    os.makedirs(a.out, exist_ok=True)
    out.to_csv(os.path.join(a.out, "cases.csv"), index=False)
    t_end = time.time()
    print("baseline: %d log requests, %d settlement lines, %d receipt lines -> %d cases (reading the log %.1f s, "
          "the rest %.1f s)" % (len(req), len(st), len(jr), len(out), t_log - t0, t_end - t_log), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
