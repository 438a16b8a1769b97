#pragma once

#include "card_spec.h"
#include "metric_answer.h"

#include <QDialog>
#include <QUrlQuery>

class QComboBox;
class QLabel;
class QTableView;

namespace keel {
class ApiClient;
}

namespace keel::dashboards {

class MetricRecordsModel;

// The records behind one point of a card (or its whole figure): a lazy table that loads a
// page at a time as it scrolls, and under it the server's total of every page beside the
// figure it must equal. A ratio offers the records of its numerator or of its denominator.
class DrillDialog : public QDialog
{
    Q_OBJECT
public:
    DrillDialog(ApiClient *api, const CardSpec &card, const MetricAnswer &answer,
                const MetricPoint &point, const QUrlQuery &cardQuery, QWidget *parent = nullptr);

    MetricRecordsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    const MetricPoint &point() const { return m_point; }
    QUrlQuery recordsQuery() const; // filters, by/by2, key/key2 and part
    // "numerator" (default) or "denominator"; only ratios have a choice.
    void setPart(const QString &part);
    QString part() const { return m_part; }
    // The exact figure the records must add up to (value, or the ratio's numerator or
    // denominator) and whether the server's total equals it.
    QString expectedTotal() const;
    bool totalEqualsFigure() const;
    QString headerText() const;
    QString totalText() const;

private:
    void reload();
    void showTotal();

    CardSpec m_card;
    MetricAnswer m_answer;
    MetricPoint m_point;
    QUrlQuery m_cardQuery;
    QString m_part = QStringLiteral("numerator");
    MetricRecordsModel *m_model;
    QLabel *m_header;
    QComboBox *m_partChoice = nullptr;
    QTableView *m_view;
    QLabel *m_total;
};

} // namespace keel::dashboards
