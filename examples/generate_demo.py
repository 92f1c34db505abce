#!/usr/bin/env python3
"""Makes Closer's synthetic demo data: accounts, a market definition, signals and territories.

Everything is made up (seeded, so the files are the same every run). Usage:
    python3 examples/generate_demo.py [--accounts 300] [--seed 7]
Writes examples/accounts.json, market.json, pattern1-request.json, signals.csv, territories.json,
bant.json and meddic.json next to this script.
"""
import argparse, csv, json, os, random

INDUSTRIES = ["SaaS", "Software as a Service", "Cloud Infrastructure", "Health Care", "Hospitals", "Manufacturing",
              "Retail", "Financial Services", "FinTech", "Education", "Cybersecurity", "Logistics"]
PLACES = ["California", "Seattle, WA", "Oregon", "Texas", "New York", "USA", "Canada", "London", "Germany", "Singapore"]
WORDS = ["Acme", "Cloud", "Data", "Blue", "North", "Peak", "Bright", "Iron", "Swift", "Nova", "Core", "Atlas"]
SUFFIX = ["Labs", "Systems", "Health", "Works", "Networks", "Analytics", "Logistics", "Partners", "AI", "Cloud"]
SIGNALS = [("expansion_hiring", "Posted {n} sales engineering roles in the last 30 days"),
           ("recent_funding", "Series {r} ${n}M announced"),
           ("tech_adoption", "Migrating to Kubernetes (based on job postings)"),
           ("leadership_change", "New VP Sales joined"),
           ("engagement", "Attended our webinar on pipeline analytics"),
           ("contraction", "Announced a hiring freeze")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--accounts", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    here = os.path.dirname(os.path.abspath(__file__))
    accounts = []
    for i in range(a.accounts):
        name = f"{rnd.choice(WORDS)} {rnd.choice(SUFFIX)} {i}"
        accounts.append({"account_id": f"acct-{i:04d}", "name": name, "industry": rnd.choice(INDUSTRIES),
                         "revenue": rnd.choice([2, 8, 15, 25, 40, 60, 120, 400]) * 1_000_000,
                         "employees": rnd.choice([20, 60, 150, 300, 800, 2500]), "geography": rnd.choice(PLACES)})
    market = {"market_definition": {"industries": ["SaaS", "Cloud Infrastructure"], "revenue_range": "10M-50M",
                                    "geography": "US West Coast", "employee_count_range": "50-500",
                                    "target_personas": ["VP Sales", "CFO"]}}
    pattern1 = {"accounts": [
        {"name": "Acme SaaS", "industry": "SaaS", "revenue": 25_000_000, "employees": 150},
        {"name": "OldCorp", "industry": "Manufacturing", "revenue": 100_000_000, "employees": 2000},
        {"name": "CloudCo", "industry": "Cloud Infrastructure", "revenue": 15_000_000, "employees": 80}],
        "market_definition": market["market_definition"]}
    write(here, "accounts.json", {"accounts": accounts, "market_definition": market["market_definition"]})
    write(here, "market.json", market)
    write(here, "pattern1-request.json", pattern1)
    write(here, "bant.json", {"framework": "BANT", "criteria": {"budget": 50000, "authority": "identified",
                              "need": "confirmed", "timing": "next quarter"}, "threshold": 0.6})
    write(here, "meddic.json", {"framework": "MEDDIC", "threshold": 0.75, "criteria": {
        "metrics": "Reduce sales cycle by 30%", "economic_buyer": "CFO identified and engaged",
        "decision_criteria": "ROI > 300%, implementation < 90 days",
        "decision_process": "Committee review → CFO approval → Legal",
        "identify_pain": "Manual prospecting costing $500K/year", "champion": "VP Sales is internal champion"}})
    with open(os.path.join(here, "signals.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["account_id", "type", "description", "observed_at", "source", "strength"])
        for acct in ["acme-tech-123", "acme-saas-123"] + [x["account_id"] for x in accounts[:40]]:
            for kind, text in rnd.sample(SIGNALS, 3):
                w.writerow([acct, kind, text.format(n=rnd.randint(2, 30), r=rnd.choice("ABC")),
                            f"2026-{rnd.randint(8, 11):02d}-{rnd.randint(1, 20):02d}", "demo", round(rnd.uniform(0.4, 0.95), 2)])
    ids = [x["account_id"] for x in accounts]
    write(here, "territories.json", [
        {"name": "West", "rep_count": 2, "capacity_per_rep": 60, "account_ids": ids[:130]},
        {"name": "East", "rep_count": 2, "capacity_per_rep": 60, "account_ids": ids[130:230]},
        {"name": "International", "rep_count": 1, "capacity_per_rep": 60, "account_ids": ids[230:]}])


def write(here, name, data):
    with open(os.path.join(here, name), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
