#include "drill_dialog.h"

#include "decimal.h"
#include "metric_format.h"
#include "metric_records_model.h"
#include "sales_format.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::dashboards {

DrillDialog::DrillDialog(ApiClient *api, const CardSpec &card, const MetricAnswer &answer,
                         const MetricPoint &point, const QUrlQuery &cardQuery, QWidget *parent)
    : QDialog(parent), m_card(card), m_answer(answer), m_point(point), m_cardQuery(cardQuery),
      m_model(new MetricRecordsModel(api, this)), m_header(new QLabel), m_view(new QTableView),
      m_total(new QLabel)
{
    setObjectName("drillDialog");
    setAttribute(Qt::WA_DeleteOnClose);
    const QString where =
        point.key.isEmpty() ? tr("the whole figure")
        : point.key2.isEmpty()
            ? (point.label.isEmpty() ? point.key : point.label)
            : QStringLiteral("%1 · %2").arg(point.label.isEmpty() ? point.key : point.label,
                                            point.label2.isEmpty() ? point.key2 : point.label2);
    setWindowTitle(tr("%1 — %2").arg(card.translatedTitle(), where));
    resize(860, 520);

    m_header->setObjectName("drillHeader");
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_view->setObjectName("drillRecords");
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_total->setObjectName("drillTotal");
    m_total->setTextFormat(Qt::RichText);
    m_total->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    if (answer.unit == QLatin1String("ratio")) {
        m_partChoice = new QComboBox;
        m_partChoice->setObjectName("drillPart");
        m_partChoice->addItem(tr("Records of the numerator"), QStringLiteral("numerator"));
        m_partChoice->addItem(tr("Records of the denominator"), QStringLiteral("denominator"));
        connect(m_partChoice, &QComboBox::activated, this,
                [this](int i) { setPart(m_partChoice->itemData(i).toString()); });
        top->addWidget(m_partChoice);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_total);
    layout->addWidget(buttons);

    connect(m_model, &MetricRecordsModel::pageLoaded, this, [this] {
        showTotal();
        // Ids are for the machine; the names beside them are for people.
        for (int c = 0; c < m_model->columns().size(); ++c)
            m_view->setColumnHidden(c, m_model->columns().at(c).type == QLatin1String("id"));
        if (m_model->rowCount() > 0 && m_model->rowCount() <= 100)
            m_view->resizeColumnsToContents();
    });
    reload();
}

QUrlQuery DrillDialog::recordsQuery() const
{
    QUrlQuery q = m_cardQuery;
    for (const char *name : {"key", "key2", "part"})
        q.removeAllQueryItems(QLatin1String(name));
    if (!m_point.key.isEmpty())
        q.addQueryItem(QStringLiteral("key"), m_point.key);
    if (!m_point.key2.isEmpty())
        q.addQueryItem(QStringLiteral("key2"), m_point.key2);
    if (m_answer.unit == QLatin1String("ratio"))
        q.addQueryItem(QStringLiteral("part"), m_part);
    return q;
}

void DrillDialog::setPart(const QString &part)
{
    if (part == m_part)
        return;
    m_part = part;
    if (m_partChoice)
        m_partChoice->setCurrentIndex(std::max(0, m_partChoice->findData(part)));
    reload();
}

QString DrillDialog::expectedTotal() const
{
    const bool whole = m_point.key.isEmpty();
    if (m_answer.unit == QLatin1String("ratio"))
        return m_part == QLatin1String("denominator")
                   ? (whole ? m_answer.denominator : m_point.denominator)
                   : (whole ? m_answer.numerator : m_point.numerator);
    return whole ? m_answer.value : m_point.value;
}

bool DrillDialog::totalEqualsFigure() const
{
    const auto a = Decimal::parse(m_model->total());
    const auto b = Decimal::parse(expectedTotal());
    return a && b && *a == *b;
}

QString DrillDialog::headerText() const
{
    return m_header->text();
}

QString DrillDialog::totalText() const
{
    return m_total->text();
}

void DrillDialog::reload()
{
    const QString figure = m_point.key.isEmpty() ? m_answer.value : m_point.value;
    const QString where =
        m_point.key.isEmpty()
            ? QStringLiteral("%1 – %2").arg(m_answer.from, m_answer.to)
            : (m_point.label.isEmpty() ? m_point.key : m_point.label) +
                  (m_point.key2.isEmpty()
                       ? QString()
                       : QStringLiteral(" · ") +
                             (m_point.label2.isEmpty() ? m_point.key2 : m_point.label2));
    QString text =
        tr("<b>%1</b> · %2: %3")
            .arg(m_card.translatedTitle().toHtmlEscaped(), where.toHtmlEscaped(),
                 formatMetricValue(figure, m_answer.unit, m_answer.currency).toHtmlEscaped());
    if (m_answer.unit == QLatin1String("ratio"))
        text += QStringLiteral(" = %1 / %2")
                    .arg(sales::groupDigits(m_point.key.isEmpty() ? m_answer.numerator
                                                                  : m_point.numerator),
                         sales::groupDigits(m_point.key.isEmpty() ? m_answer.denominator
                                                                  : m_point.denominator));
    m_header->setText(text);
    m_total->setText(tr("Loading the records…"));
    m_model->open(m_answer.metric.isEmpty() ? m_card.metric : m_answer.metric, recordsQuery());
}

void DrillDialog::showTotal()
{
    if (!m_model->lastError().isEmpty()) {
        m_total->setText(QStringLiteral("<span style='color:#8c1d18'>%1</span>")
                             .arg(m_model->lastError().toHtmlEscaped()));
        return;
    }
    const bool money = m_answer.unit == QLatin1String("money");
    const auto shown = [&](const QString &v) {
        return money ? formatMetricValue(v, m_answer.unit, m_answer.currency)
                     : sales::groupDigits(v);
    };
    const QString total = shown(m_model->total());
    const QString more =
        m_model->canFetchMore({}) ? tr(" (more records load as you scroll)") : QString();
    if (totalEqualsFigure())
        m_total->setText(tr("Total of the records: <b>%1</b> — total equals the figure ✓%2")
                             .arg(total.toHtmlEscaped(), more));
    else
        m_total->setText(
            tr("Total of the records: <b>%1</b> — "
               "<span style='color:#8c1d18'>differs from the figure %2</span>%3")
                .arg(total.toHtmlEscaped(), shown(expectedTotal()).toHtmlEscaped(), more));
}

} // namespace keel::dashboards
