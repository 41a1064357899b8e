import DXCore
import Foundation

/// The JSON shapes of `docs/demo-data.md`, mapped to domain values.
enum DemoFiles {
    struct Unit: Decodable {
        var code: String
        var name: String
        var kind: UnitKind
        var parent: String?
        var validFrom: CalendarDate?
        var validTo: CalendarDate?
        var successor: String?

        var domain: OrgUnit {
            OrgUnit(code: code, name: name, kind: kind, parentCode: parent, validFrom: validFrom,
                    validTo: validTo, successorCode: successor)
        }
    }

    struct Document: Decodable {
        var number: String
        var summary: String
        var issued: CalendarDate?
        var issuer: String
        var issuerUnit: String?
        var signer: String?

        var domain: OfficialDocument {
            OfficialDocument(number: number, summary: summary, issued: issued, issuer: issuer,
                             issuerUnitCode: issuerUnit, signer: signer)
        }
    }

    struct PlanFile: Decodable {
        var code: String
        var slug: String
        var kind: PlanKind
        var title: String
        var issuer: String
        var issued: CalendarDate?
        var horizonFrom: Int
        var horizonTo: Int
        var parent: String?
        var pillars: [Pillar]
        var indicators: [IndicatorRow]
        var tasks: [TaskRow]

        var domain: PlanContents {
            PlanContents(
                plan: Plan(code: code, slug: slug, kind: kind, title: title, issuerCode: issuer, issued: issued,
                           horizonFrom: horizonFrom, horizonTo: horizonTo, parentCode: parent, pillars: pillars),
                indicators: indicators.map(\.domain), tasks: tasks.map(\.domain))
        }
    }

    struct IndicatorRow: Decodable {
        var code: String
        var name: String
        var pillar: String?
        var measure: MeasureKind
        var numerator: String?
        var denominator: String?
        var unit: String?
        var aggregation: UnitAggregation
        var temporal: TemporalAggregation
        var direction: Direction
        var responsible: String?
        /// A rate of events that may be 0/0 in a period without any; absent is false.
        var allowsZeroDenominator: Bool?
        var targets: [Target]

        var domain: Indicator {
            Indicator(code: code, name: name, pillarCode: pillar, measure: measure, numeratorDefinition: numerator,
                      denominatorDefinition: denominator, unitOfMeasure: unit, aggregation: aggregation,
                      temporal: temporal, direction: direction, responsibleUnitCode: responsible,
                      allowsZeroDenominator: allowsZeroDenominator ?? false, targets: targets)
        }
    }

    struct TaskRow: Decodable {
        var code: String
        var title: String
        var subItems: [String]?
        var pillar: String?
        var lead: String?
        var leadText: String?
        var cooperating: [String]?
        var cooperatingText: String?
        var deadline: Deadline?
        var deadlineText: String?
        var evidence: [String]?

        var domain: PlanTask {
            PlanTask(code: code, title: title, subItems: subItems ?? [], pillarCode: pillar, leadUnitCode: lead,
                     leadText: leadText ?? "", cooperatingUnitCodes: cooperating ?? [],
                     cooperatingText: cooperatingText ?? "", deadline: deadline, deadlineText: deadlineText,
                     evidence: evidence ?? [])
        }
    }

    struct Value: Decodable {
        var plan: String
        var indicator: String
        var unit: String
        var period: String
        var numerator: Double?
        var denominator: Double?
        var value: Double?
        var text: String?
        var judgement: Judgement?
        var comment: String?

        var domain: DataValue {
            DataValue(planCode: plan, indicatorCode: indicator, unitCode: unit, periodID: period, numerator: numerator,
                      denominator: denominator, value: value, text: text, judgement: judgement, comment: comment,
                      author: "demo")
        }
    }

    struct Report: Decodable {
        var plan: String
        var task: String
        var unit: String
        var period: String
        var status: TaskStatus
        var percent: Double?
        var result: String?
        var note: String?

        var domain: TaskReport {
            TaskReport(planCode: plan, taskCode: task, unitCode: unit, periodID: period, status: status,
                       percent: percent, result: result, note: note, author: "demo")
        }
    }

    /// `scoring/NAME-inputs.json`: what units submitted under one scheme.
    struct ScoringInputsFile: Decodable {
        var scheme: String
        var inputs: [ScoringInputRow]
    }

    struct ScoringInputRow: Decodable {
        var unit: String
        var criterion: String
        var numerator: Double?
        var denominator: Double?
        var value: Double?
        var grade: ScoringGrade?
        var evidence: [String]?

        var domain: ScoringInput {
            ScoringInput(unitCode: unit, criterionCode: criterion, numerator: numerator, denominator: denominator,
                         value: value, grade: grade, evidence: evidence ?? [])
        }
    }
}
