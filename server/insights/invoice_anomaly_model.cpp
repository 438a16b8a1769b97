#include "insights_model.h"
#include "insights_stats.h"
#include "invoice_anomaly_detect.h"

#include "db/database.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <cmath>

namespace keel {

namespace {

// An issued invoice was checked by people before it went out: the cut-off is the smallest z
// that flags at most this share of them (the false alarms a reviewer puts up with).
constexpr double kTolerableFalseFlags = 0.02;
constexpr std::array<double, 9> kZCandidates{3, 3.5, 4, 5, 6, 8, 10, 15, 20};
constexpr int kCalibrationMonths = 3;

QString fraction(double v)
{
    return QString::number(v, 'f', 4);
}

QList<qint64> allEntities(QSqlDatabase db)
{
    QList<qint64> ids;
    QSqlQuery q = db::exec(db, QStringLiteral("SELECT id FROM legal_entities ORDER BY id"));
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

void setNorms(InvoiceAnomalyParams &p, QSqlDatabase db, QDate before, int *sample = nullptr)
{
    p.roleHours.clear();
    p.roleRate.clear();
    int n = 0;
    for (const InvoiceAnomalyRoleValues &v : invoiceAnomalyRoleValues(db, before)) {
        const QString key = QString::number(v.roleId) + u':' + v.currency;
        p.roleHours.insert(key, {stats::median(v.hours), stats::mad(v.hours), int(v.hours.size())});
        p.roleRate.insert(key, {stats::median(v.rates), stats::mad(v.rates), int(v.rates.size())});
        n += int(v.hours.size());
    }
    if (sample)
        *sample = n;
}

} // namespace

InsightsModelSpec invoiceAnomalyModel()
{
    InsightsModelSpec spec;
    spec.name = QStringLiteral("invoice_anomaly");
    spec.title = QStringLiteral("Invoice anomalies");
    spec.description = QStringLiteral(
        "Flags draft invoices whose amount, hours, rates or line count are far from the "
        "contract's and client's issued history (median and MAD), duplicate lines, time after "
        "a project closed and rates that differ from the rate chain.");
    spec.train = [](QSqlDatabase db, QDate asOf, const InsightsProgress &progress) {
        const auto report = [&](int percent, const QString &step) {
            if (progress)
                progress(percent, step);
        };
        InsightsTrained t;
        const QList<qint64> entities = allEntities(db);

        // The backtest's cut-off: the first period of today's drafts. Everything issued before
        // it is history; the drafts after it are scored and compared with what was planted.
        QDate cutoff = invoiceAnomalyFirstDraftPeriod(db);
        if (!cutoff.isValid() || cutoff > asOf)
            cutoff = QDate(asOf.year(), asOf.month(), 1);
        const QDate calibrationFrom = cutoff.addMonths(-kCalibrationMonths);

        // The z cut-off: the issued invoices of the months before the cut-off, scored against
        // the history before them, are taken as correct.
        report(10, QStringLiteral("choosing the z cut-off on issued invoices"));
        InvoiceAnomalyParams calibration;
        setNorms(calibration, db, calibrationFrom);
        calibration.zCut = 0;
        InvoiceAnomalyTargets issued;
        issued.entityIds = entities;
        issued.drafts = false;
        issued.issuedFrom = calibrationFrom;
        issued.issuedTo = cutoff;
        const auto calibrated =
            scoreInvoiceAnomalies(db, issued, calibrationFrom, calibration, false);
        std::vector<double> maxZ;
        for (const InvoiceAnomalyScored &s : calibrated) {
            double m = 0;
            for (const InvoiceAnomalyFlag &f : s.flags)
                m = std::max(m, std::abs(f.z));
            maxZ.push_back(m);
        }
        InvoiceAnomalyParams params;
        params.zCut = kZCandidates.back();
        double falseFlags = 0;
        for (const double z : kZCandidates) {
            const auto over =
                std::count_if(maxZ.begin(), maxZ.end(), [z](double m) { return m > z; });
            const double share = maxZ.empty() ? 0 : double(over) / double(maxZ.size());
            if (share <= kTolerableFalseFlags) {
                params.zCut = z;
                falseFlags = share;
                break;
            }
        }

        // Backtest: the drafts against the history before the cut-off, with the firm's norms of
        // that history.
        report(50, QStringLiteral("scoring the drafts after the cut-off"));
        InvoiceAnomalyParams before = params;
        setNorms(before, db, cutoff);
        InvoiceAnomalyTargets drafts;
        drafts.entityIds = entities;
        const auto scored = scoreInvoiceAnomalies(db, drafts, cutoff, before, true);
        const QHash<qint64, QString> planted = invoiceAnomalyPlanted(db);
        int truePositive = 0, flagged = 0, plantedAmong = 0;
        for (const InvoiceAnomalyScored &s : scored) {
            const bool wrong = planted.contains(s.invoice.id);
            plantedAmong += wrong ? 1 : 0;
            if (!s.flags.empty()) {
                ++flagged;
                truePositive += wrong ? 1 : 0;
            }
        }
        QJsonObject figures{{QStringLiteral("anomaly_drafts"), QString::number(scored.size())},
                            {QStringLiteral("anomaly_flagged"), QString::number(flagged)},
                            {QStringLiteral("anomaly_planted"), QString::number(plantedAmong)},
                            {QStringLiteral("anomaly_issued_flag_rate"), fraction(falseFlags)}};
        if (plantedAmong > 0)
            figures.insert(QStringLiteral("anomaly_recall"),
                           fraction(double(truePositive) / double(plantedAmong)));
        if (plantedAmong > 0 && flagged > 0)
            figures.insert(QStringLiteral("anomaly_precision"),
                           fraction(double(truePositive) / double(flagged)));

        report(80, QStringLiteral("the firm's norms per role"));
        setNorms(params, db, asOf.addDays(1), &t.sampleSize);
        t.parameters = params.toJson();
        t.backtest = {
            {QStringLiteral("cutoff"), cutoff.toString(Qt::ISODate)},
            {QStringLiteral("trained_on"),
             QStringLiteral("issued invoices dated before %1").arg(cutoff.toString(Qt::ISODate))},
            {QStringLiteral("scored_on"), QStringLiteral("%1 draft invoices of periods from %2")
                                              .arg(scored.size())
                                              .arg(cutoff.toString(Qt::ISODate))},
            {QStringLiteral("figures"), figures},
            {QStringLiteral("notes"),
             QStringLiteral(
                 "Cut-off: the first period of the current drafts. The z cut-off (%1) is the "
                 "smallest of 3–20 that flags at most 2 % of the invoices issued in the %2 "
                 "months before the cut-off (scored against the history before them: %3 "
                 "flagged); minimum history %4 invoices or lines before falling back from the "
                 "contract to the client to the firm's role norms. Recall and precision count "
                 "invoices: a draft is flagged when any check fires, wrong when the demo planted "
                 "an error in it (insights_planted wrong_invoice); without planted errors they "
                 "are not measured.")
                 .arg(params.zCut)
                 .arg(kCalibrationMonths)
                 .arg(fraction(falseFlags))
                 .arg(params.minN)}};
        report(100, QStringLiteral("done"));
        return t;
    };
    return spec;
}

} // namespace keel
