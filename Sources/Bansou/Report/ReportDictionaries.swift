/// Hand-written dictionaries for the report, advisor-sheet and dashboard views, so flattening
/// them skips Mirror: on 1,000 clients Mirror's reflection was a fifth of the reports stage.
/// ReportDictionaryTests checks each against Mirror on real reports, so a property added to a
/// view and forgotten here fails a test instead of silently vanishing from the templates.

extension Dictionary where Key == String, Value == Any {
    /// Sets a key only for a present value: Mustache treats a missing key as false, and
    /// Mirror's flattening leaves an absent optional out.
    fileprivate mutating func put(_ key: String, _ value: Any?) {
        if let value { self[key] = value }
    }
}

extension Array where Element: MustacheDictionary {
    fileprivate var dictionaries: [[String: Any]] { map(\.mustacheDictionary) }
}

// MARK: - The company's report

extension ReportView: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = [
            "title": title, "clientName": clientName, "advisorName": advisorName, "institution": institution, "date": date,
            "facts": facts.dictionaries, "undiagnosed": undiagnosed, "stageLabel": stageLabel, "stageReason": stageReason,
            "improved": improved, "achievements": achievements.dictionaries, "nextSteps": nextSteps.dictionaries,
            "effects": effects.dictionaries, "peers": peers.dictionaries, "goals": goals,
            "stageDiagramSVG": stageDiagramSVG, "areaChartSVG": areaChartSVG, "areas": areas.dictionaries,
            "indicators": indicators.dictionaries, "challenges": challenges.dictionaries, "ganttSVG": ganttSVG,
            "tasks": tasks.dictionaries, "dropped": dropped.dictionaries, "roadmapPeriod": roadmapPeriod,
            "stories": stories.dictionaries, "ownStories": ownStories.dictionaries, "tools": tools.dictionaries,
            "partners": partners.dictionaries,
        ]
        d.put("advisorRole", advisorRole)
        d.put("overrideText", overrideText)
        d.put("stageDescription", stageDescription)
        d.put("since", since)
        d.put("stageThen", stageThen)
        d.put("changeText", changeText)
        d.put("overdueText", overdueText)
        d.put("nextStageEvidence", nextStageEvidence)
        d.put("bpoCandidates", bpoCandidates)
        d.put("radarSVG", radarSVG)
        return d
    }
}

extension ReportView.Fact: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["label": label, "value": value] }
}

extension ReportView.AreaRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["name": name, "level": level, "focus": focus]
        d.put("now", now)
        d.put("next", next)
        d.put("change", change)
        return d
    }
}

extension ReportView.IndicatorRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["name": name, "current": current, "target": target, "gap": gap] }
}

extension ReportView.ChallengeRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["name": name]
        d.put("share", share)
        d.put("response", response)
        return d
    }
}

extension ReportView.TaskRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = [
            "number": number, "title": title, "span": span, "months": months, "owner": owner, "status": status,
            "statusClass": statusClass, "late": late, "reason": reason,
        ]
        d.put("detail", detail)
        d.put("partner", partner)
        d.put("goal", goal)
        return d
    }
}

extension ReportView.StepRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["title": title, "when": when, "owner": owner, "status": status, "late": late]
        d.put("partner", partner)
        return d
    }
}

extension ReportView.AchievementRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["title": title]
        d.put("date", date)
        return d
    }
}

extension ReportView.EffectRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["text": text, "story": story, "alias": alias]
        d.put("url", url)
        return d
    }
}

extension ReportView.PeerRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["group": group, "text": text, "areas": areas.dictionaries] }
}

extension ReportView.PeerArea: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["name": name, "average": average, "company": company] }
}

extension ReportView.StoryRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["title": title, "alias": alias, "reasons": reasons, "transition": transition]
        d.put("url", url)
        return d
    }
}

extension ReportView.ToolRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["name": name, "summary": summary, "reason": reason, "goal": goal]
        d.put("achieved", achieved)
        return d
    }
}

extension ReportView.PartnerRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["name": name, "type": type, "strengths": strengths, "tasks": tasks]
        d.put("region", region)
        d.put("description", description)
        d.put("url", url)
        return d
    }
}

// MARK: - The advisor's sheet

extension AdvisorView: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = [
            "clientID": clientID, "contact": contact.dictionaries, "focusPhaseReason": focusPhaseReason,
            "activities": activities, "computedStage": computedStage, "stageRule": stageRule,
            "weakAreas": weakAreas.dictionaries, "challenges": challenges.dictionaries, "tasks": tasks.dictionaries,
            "notes": notes, "progress": progress.dictionaries, "meetings": meetings.dictionaries,
            "daysSinceMeeting": daysSinceMeeting, "followUp": followUp, "stage12MonthsAgo": stage12MonthsAgo,
        ]
        d.put("needLayer", needLayer)
        d.put("approach", approach)
        d.put("focusPhase", focusPhase)
        return d
    }
}

extension AdvisorView.TaskRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["number": number, "id": id, "title": title, "status": status, "late": late, "basis": basis]
        d.put("note", note)
        return d
    }
}

extension AdvisorView.MeetingRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["date": date, "note": note] }
}

extension AdvisorView.ProgressRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["task": task, "title": title, "status": status, "date": date]
        d.put("note", note)
        return d
    }
}

extension AdvisorView.WeakRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["name": name, "reason": reason, "bpo": bpo] }
}

extension AdvisorView.Fact: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["label": label, "value": value] }
}

extension AdvisorView.ChallengeRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["name": name, "response": response] }
}

// MARK: - The dashboard

extension DashboardView: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        [
            "title": title, "institution": institution, "date": date, "stageHeads": stageHeads,
            "matrix": matrix.dictionaries, "clientCount": clientCount, "portfolio": portfolio.mustacheDictionary,
            "clients": clients.dictionaries, "skillHeads": skillHeads.dictionaries, "staff": staff.dictionaries,
            "hasStaff": hasStaff, "gaps": gaps.dictionaries, "hasGaps": hasGaps, "advisors": advisors.dictionaries,
        ]
    }
}

extension DashboardView.ClientLink: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["name": name, "url": url, "advisor": advisor] }
}

extension DashboardView.Cell: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["clients": clients.dictionaries, "count": count, "has": has] }
}

extension DashboardView.MatrixRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["layer": layer, "cells": cells.dictionaries, "total": total]
        d.put("description", description)
        return d
    }
}

extension DashboardView.StaffCell: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["level": level, "dots": dots, "low": low] }
}

extension DashboardView.StaffRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["name": name, "cells": cells.dictionaries, "clients": clients]
        d.put("role", role)
        d.put("certifications", certifications)
        return d
    }
}

extension DashboardView.SkillHead: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["name": name, "group": group] }
}

extension DashboardView.Means: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["name": name, "description": description] }
}

extension DashboardView.Gap: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        ["name": name, "best": best, "certifications": certifications.dictionaries, "training": training.dictionaries]
    }
}

extension DashboardView.AdvisorRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["name": name, "count": count, "clients": clients.dictionaries] }
}

extension DashboardView.ClientRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = [
            "name": name, "url": url, "stage": stage, "layer": layer, "advisor": advisor, "weak": weak, "nextOverdue": nextOverdue,
        ]
        d.put("next", next)
        d.put("nextPeriod", nextPeriod)
        d.put("nextStatus", nextStatus)
        return d
    }
}

extension DashboardView.PortfolioRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = [
            "name": name, "nameSort": nameSort, "advisor": advisor, "advisorSort": advisorSort, "report": report,
            "advisorSheet": advisorSheet, "pdf": pdf, "stage": stage, "stageSort": stageSort, "stageThenSort": stageThenSort,
            "movedUp": movedUp, "overdue": overdue, "hasOverdue": hasOverdue, "daysSort": daysSort, "followUp": followUp,
        ]
        d.put("stageThen", stageThen)
        d.put("days", days)
        d.put("lastMeeting", lastMeeting)
        return d
    }
}

extension DashboardView.FollowUp: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        ["name": name, "report": report, "advisorSheet": advisorSheet, "advisor": advisor, "reason": reason]
    }
}

extension DashboardView.Portfolio: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        [
            "rows": rows.dictionaries, "movedUp": movedUp, "compared": compared, "movedUpClients": movedUpClients.dictionaries,
            "hasMovedUp": hasMovedUp, "followUps": followUps.dictionaries, "followUpCount": followUpCount,
            "hasFollowUps": hasFollowUps, "followUpDays": followUpDays, "overdueTotal": overdueTotal,
        ]
    }
}
