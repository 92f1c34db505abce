#!/usr/bin/env python3
"""Synthetic deals with planted patterns, for trying analyze_win_loss_patterns (same recipe as the
tests' SyntheticDeals): Technology wins ~80%, Healthcare ~60%, Manufacturing ~30%, 10-50M revenue
wins more, price is the top loss reason. --random plants nothing (every deal a coin flip).
Usage: python3 examples/generate_deals.py [--deals 500] [--seed 42] [--random] > deals.csv"""
import argparse, csv, random, sys
from datetime import date, timedelta

p = argparse.ArgumentParser()
p.add_argument("--deals", type=int, default=500)
p.add_argument("--seed", type=int, default=42)
p.add_argument("--random", action="store_true")
a = p.parse_args()
r = random.Random(a.seed)
w = csv.writer(sys.stdout)
w.writerow(["deal_id", "outcome", "account_name", "industry", "revenue", "region", "deal_value", "sales_cycle_days",
            "qualification_score", "loss_reason", "close_date", "lead_source"])
for i in range(a.deals):
    ind = r.randrange(3)
    revenue = r.choice([5e6, 20e6, 40e6, 80e6, 300e6])
    pw = 0.5 if a.random else [0.8, 0.6, 0.3][ind] + (0.08 if 10e6 <= revenue < 50e6 else -0.05)
    won = r.random() < pw
    reason = "" if won else (r.choice(["price", "timing", "competitor"]) if a.random else
                             r.choice(["Price", "too expensive", "No budget this year"]) if r.random() < 0.45 else
                             "Bad timing" if r.random() < 0.55 else "Went with a competitor")
    score = round(r.random(), 2) if a.random else round(min(1, max(0, (0.78 if won else 0.55) + r.gauss(0, 0.08))), 2)
    w.writerow([f"deal-{i}", "won" if won else "lost", f"Account {i}", ["Technology", "Healthcare", "Manufacturing"][ind],
                int(revenue), r.choice(["North America", "EMEA", "APAC"]), 20000 + r.randrange(200) * 1000,
                20 + r.randrange(60), score, reason, (date(2025, 10, 1) + timedelta(days=r.randrange(90))).isoformat(),
                r.choice(["inbound", "outbound", "partner"])])
