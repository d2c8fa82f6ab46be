#!/usr/bin/env python3
"""Writes a synthetic bansou site for scripts/bench: N stories with the spec's front-matter
keys and 2-4 KB of Japanese and English Markdown each, and C clients, under WORK/Content
(site.yaml, cases/, clients/). The caller copies guidance, staff, partners and Templates
first (the clients' advisors are picked from WORK/Content/staff).
Seeded: the same N and C always give the same files.

Usage: scripts/bench-site.py WORK N C
"""
import os, random, sys
work, n, c = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(42)
industries = ["manufacturing","construction","wholesale-retail","transport","hospitality","medical-welfare","agriculture","ict","real-estate","lifestyle-services"]
regions = ["hokkaido","tohoku","kanto","chubu","kinki","chugoku","shikoku","kyushu-okinawa"]
areas = ["ordering","attendance","customers","inventory","accounting","hr","purchasing","sharing"]
insts = ["regional-bank","it-vendor","consultant","saas","chamber"]
themes = ["ペーパーレス","BPO","データ活用","事業承継","補助金活用","paperless","kaizen"]
sizes = ["1-5","6-20","21-50","51-100","101-300","301+"]
ja = ["受発注をFAXからクラウドに切り替え、", "現場の負担が大きく減りました。", "支援機関と一緒に業務の棚卸しを行い、", "まずは身近な業務のデジタル化から始めました。",
      "経営者の理解を得るために、小さな成功体験を積み重ねました。", "データを活用して新しいサービスを検討しています。", "詳しくは https://www.example.jp/dx/guide。をご覧ください。"]
en = ["We moved order intake from fax to a cloud service. ", "Staff time on invoices fell by half. ", "The bank's advisor ran a workshop on data use. "]
os.makedirs(os.path.join(work, "Content"), exist_ok=True)
with open(os.path.join(work, "Content/site.yaml"), "w") as f:
    f.write("title: ベンチマーク\ndescription: 合成データ\nbase_url: https://bench.example.jp/\npublisher: { name: ベンチ銀行 }\nas_of: 2026-11-25\nper_page: 20\n")
os.makedirs(os.path.join(work, "Content/cases"), exist_ok=True)
for i in range(n):
    before = random.randint(1, 4); after = random.randint(before, 4)
    body = []
    size = random.randint(2000, 4000)
    while sum(len(x.encode()) for x in body) < size:
        k = random.random()
        if k < 0.1: body.append(f"\n## 見出し{len(body)}\n\n")
        elif k < 0.2: body.append("\n| 指標 | 前 | 後 |\n|---|---|---|\n| 時間 | 120 | 30 |\n\n")
        elif k < 0.3: body.append(f"- ~~紙~~ 項目{len(body)}\n")
        elif k < 0.7: body.append(random.choice(ja))
        else: body.append(random.choice(en))
    fm = f"""---
title: "事例{i} 受発注のデジタル化 case {i}"
alias: 業種{i % 26}社
date: 20{random.randint(20,26)}-{random.randint(1,11):02d}-{random.randint(1,28):02d}
industry: {random.choice(industries)}
region: {random.choice(regions)}
size: "{random.choice(sizes)}"
stage_before: {before}
stage_after: {after}
areas: [{", ".join(random.sample(areas, 2))}]
institutions: [{random.choice(insts)}]
themes: [{random.choice(themes)}]
tools: [クラウド会計]
outcomes:
  - {{ label: 処理時間, before: {random.randint(50,200)}, after: {random.randint(10,49)}, unit: 分 }}
summary: 合成した事例{i}の要約です。
---
"""
    with open(os.path.join(work, f"Content/cases/case-{i:05d}.md"), "w") as f:
        f.write(fm + "".join(body) + "\n")
os.makedirs(os.path.join(work, "Content/clients"), exist_ok=True)
staff = sorted(x[:-5] for x in os.listdir(os.path.join(work, "Content/staff")))
prefs = ["愛知県","静岡県","東京都","大阪府","北海道","福岡県"]
for i in range(c):
    levels = "\n".join(f"  {a}: {random.randint(1,4)}" for a in random.sample(areas, 5))
    with open(os.path.join(work, f"Content/clients/client-{i:04d}.yaml"), "w") as f:
        f.write(f"""id: client-{i:04d}
name: 株式会社ベンチ{i}号
industry: {random.choice(industries)}
prefecture: {random.choice(prefs)}
employees: {random.randint(3, 300)}
need_layer: {random.choice(["explicit","latent","indifferent"])}
advisor: {random.choice(staff)}
areas:
{levels}
challenges: [it-talent, budget]
""")