#include "fx_rates_tab.h"

#include "api_client.h"
#include "api_reply.h"
#include "finance_scope.h"
#include "finance_widgets.h"
#include "fx_api.h"
#include "fx_rate_import.h"
#include "fx_rates_model.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::finance {

namespace {
// The group's currencies first; any other ISO code may be typed.
QComboBox *currencyField(const char *objectName, bool allowAny)
{
    auto *box = new QComboBox;
    box->setObjectName(QString::fromLatin1(objectName));
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]{0,3}")), box));
    if (allowAny)
        box->addItem(QString());
    box->addItems({QStringLiteral("USD"), QStringLiteral("GBP"), QStringLiteral("EUR")});
    box->setMinimumWidth(80);
    return box;
}

QString codeOf(const QComboBox *box)
{
    return box->currentText().trimmed().toUpper();
}
} // namespace

FxRatesTab::FxRatesTab(ApiClient *api, FinanceScope *scope, bool canWrite, QWidget *parent)
    : FinanceTab(scope, parent), m_api(api), m_rates(new FxRatesModel(api, this)),
      m_import(new FxRateImport(api, this)), m_canWrite(canWrite), m_group(new QLabel),
      m_filterFrom(currencyField("fxFilterFrom", true)),
      m_filterTo(currencyField("fxFilterTo", true)),
      m_filterStart(dateField(QDate::currentDate().addMonths(-3), "fxFilterStart")),
      m_filterEnd(dateField(QDate::currentDate(), "fxFilterEnd")), m_view(financeTable("fxRates")),
      m_day(dateField(QDate::currentDate(), "fxRateDate")), m_from(currencyField("fxFrom", false)),
      m_to(currencyField("fxTo", false)), m_rate(new QLineEdit),
      m_save(new QPushButton(tr("Save rate"))), m_importButton(new QPushButton(tr("Import CSV…")))
{
    setObjectName("fxRatesTab");
    m_group->setObjectName("fxGroup");
    m_group->setTextFormat(Qt::RichText);
    for (QComboBox *b : {m_filterFrom, m_filterTo}) {
        b->setToolTip(tr("Empty for every currency."));
        b->lineEdit()->setPlaceholderText(tr("All"));
    }
    auto *refreshButton = new QPushButton(tr("Refresh"));
    refreshButton->setObjectName("fxRefresh");

    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(new QLabel(tr("From currency")));
    filters->addWidget(m_filterFrom);
    filters->addWidget(new QLabel(tr("to")));
    filters->addWidget(m_filterTo);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("Dates")));
    filters->addWidget(m_filterStart);
    filters->addWidget(new QLabel(tr("to")));
    filters->addWidget(m_filterEnd);
    filters->addStretch(1);
    filters->addWidget(m_group);
    filters->addSpacing(12);
    filters->addWidget(refreshButton);

    m_view->setModel(m_rates);
    setColumnWidths(m_view, {120, 90, 90, 140, 120});
    m_view->setToolTip(tr("A day without a rate uses the latest rate before it."));

    // Entry: one rate by hand, or a file of them.
    m_to->setCurrentText(QStringLiteral("USD"));
    m_from->setCurrentText(QStringLiteral("EUR"));
    m_rate->setObjectName("fxRate");
    m_rate->setPlaceholderText(tr("e.g. 1.0834"));
    m_rate->setMaximumWidth(140);
    m_save->setObjectName("fxSave");
    m_importButton->setObjectName("fxImport");
    m_importButton->setToolTip(tr("A text file with the columns date,from,to,rate (e.g. "
                                  "2026-11-30,EUR,USD,1.0512), a header line optional. All lines "
                                  "are imported or none."));
    keepTextWidth({m_save, m_importButton});
    auto *entry = new QHBoxLayout;
    entry->setSpacing(8);
    entry->addWidget(sectionLabel(tr("Set a rate")));
    entry->addSpacing(8);
    entry->addWidget(m_day);
    entry->addWidget(new QLabel(QStringLiteral("1")));
    entry->addWidget(m_from);
    entry->addWidget(new QLabel(QStringLiteral("=")));
    entry->addWidget(m_rate);
    entry->addWidget(m_to);
    entry->addWidget(m_save);
    entry->addStretch(1);
    entry->addWidget(m_importButton);
    auto *entryBox = new QWidget;
    entryBox->setObjectName("fxEntry");
    entryBox->setLayout(entry);
    entryBox->setVisible(canWrite);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(entryBox);
    layout->addWidget(m_view, 1);
    setContent(filters, content);

    for (QComboBox *b : {m_filterFrom, m_filterTo})
        connect(b, &QComboBox::activated, this, &FxRatesTab::refresh);
    for (QDateEdit *d : {m_filterStart, m_filterEnd})
        connect(d, &QDateEdit::editingFinished, this, &FxRatesTab::refresh);
    connect(refreshButton, &QPushButton::clicked, this, &FxRatesTab::refresh);
    connect(m_save, &QPushButton::clicked, this, &FxRatesTab::saveRate);
    connect(m_rate, &QLineEdit::returnPressed, this, &FxRatesTab::saveRate);
    connect(m_importButton, &QPushButton::clicked, this, &FxRatesTab::chooseFile);
    connect(m_rates, &sales::PagedListModel::loadFailed, this, [this](const QString &text) {
        showMessage(tr("The rates could not be loaded: %1").arg(text), true);
    });
    connect(m_import, &FxRateImport::imported, this, [this](int count) {
        m_importButton->setEnabled(true);
        showMessage(tr("Rates imported: %1.").arg(count), false);
        m_rates->reload();
    });
    connect(m_import, &FxRateImport::failed, this, [this](const QString &text) {
        m_importButton->setEnabled(true);
        showMessage(text, true);
    });
}

void FxRatesTab::refresh()
{
    beginRefresh(); // rates belong to no entity: shown whichever is chosen
    m_rates->setPair(codeOf(m_filterFrom), codeOf(m_filterTo));
    m_rates->setDates(m_filterStart->date(), m_filterEnd->date());
    m_rates->reload();
    loadGroup();
}

void FxRatesTab::loadGroup()
{
    ApiReply *r = FxApi(m_api).group();
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            m_group->setText(tr("Group currency unknown: %1").arg(humanMessage(r->problem())));
            return;
        }
        const QJsonObject g = r->object();
        m_group->setText(tr("Group currency <b>%1</b>").arg(g.value("group_currency").toString()));
        m_group->setToolTip(
            tr("Consolidated statements and the firm's forecast are in this currency; "
               "intercompany work is charged at cost plus %1 %.")
                .arg(FxApi::percentText(g.value("intercompany_markup").toString())));
    });
}

QString FxRatesTab::groupText() const
{
    return m_group->text();
}

void FxRatesTab::setFilter(const QString &from, const QString &to)
{
    m_filterFrom->setCurrentText(from);
    m_filterTo->setCurrentText(to);
}

void FxRatesTab::enterRate(const QDate &day, const QString &from, const QString &to,
                           const QString &rate)
{
    m_day->setDate(day);
    m_from->setCurrentText(from);
    m_to->setCurrentText(to);
    m_rate->setText(rate);
}

void FxRatesTab::saveRate()
{
    if (!m_canWrite)
        return;
    const QString from = codeOf(m_from);
    const QString to = codeOf(m_to);
    const QString rate = FxApi::rateFromInput(m_rate->text());
    if (from.size() != 3 || to.size() != 3 || from == to) {
        showMessage(tr("Choose two different currencies."), true);
        return;
    }
    if (rate.isEmpty()) {
        showMessage(tr("The rate is a positive number with at most ten decimal places, e.g. "
                       "1.0834."),
                    true);
        m_rate->setFocus();
        return;
    }
    m_save->setEnabled(false);
    const QDate day = m_day->date();
    ApiReply *r = FxApi(m_api).putRate(from, to, day, rate);
    connect(r, &ApiReply::finished, this, [this, r, from, to, day] {
        m_save->setEnabled(true);
        if (!r->ok()) {
            showMessage(tr("The rate was not saved: %1").arg(humanMessage(r->problem())), true);
            return;
        }
        const QJsonObject o = r->object();
        showMessage((o.value("replaced").toBool()
                         ? tr("1 %1 = %2 %3 on %4 saved (it replaces the day's earlier rate).")
                         : tr("1 %1 = %2 %3 on %4 saved."))
                        .arg(from, FxApi::rateText(o.value("rate").toString()), to,
                             sales::formatDateText(o.value("rate_date").toString())),
                    false);
        m_rate->clear();
        m_rates->reload();
    });
}

void FxRatesTab::importFile(const QString &path)
{
    if (!m_canWrite || m_import->isBusy())
        return;
    m_importButton->setEnabled(false);
    if (!m_import->importFile(path))
        m_importButton->setEnabled(true);
}

void FxRatesTab::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import exchange rates"), QString(),
                                                      tr("CSV files (*.csv *.txt)"));
    if (!path.isEmpty())
        importFile(path);
}

} // namespace keel::finance
