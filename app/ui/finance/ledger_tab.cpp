#include "ledger_tab.h"

#include "finance_api.h"
#include "finance_lists.h"
#include "finance_scope.h"
#include "finance_widgets.h"
#include "journal_entry.h"
#include "journal_entry_dialog.h"
#include "json_array_model.h"
#include "ledger_report.h"
#include "row_text_proxy.h"
#include "sales_format.h"
#include "timeapproval/list_style.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::finance {

namespace {
enum Preset
{
    ThisMonth,
    LastMonth,
    ThisQuarter,
    YearToDate,
    LastYear,
    TwoYears,
    Custom
};
} // namespace

LedgerTab::LedgerTab(ApiClient *api, FinanceScope *scope, QWidget *parent)
    : FinanceTab(scope, parent), m_api(api), m_report(new LedgerReport(api, this)),
      m_lines(accountLinesModel(api, this)),
      m_linesProxy(new RowTextProxy(sales::PagedListModel::ObjectRole, this)),
      m_reportProxy(new RowTextProxy(delivery::JsonArrayModel::ObjectRole, this)),
      m_kind(new QComboBox), m_preset(new QComboBox), m_fromLabel(new QLabel(tr("From"))),
      m_from(dateField(QDate(QDate::currentDate().year(), 1, 1), "ledgerFrom")),
      m_to(dateField(QDate::currentDate(), "ledgerTo")), m_reportView(financeTable("ledgerReport")),
      m_linesView(financeTable("ledgerLines")), m_linesTitle(sectionLabel(QString())),
      m_totals(new QLabel)
{
    setObjectName("ledgerTab");
    m_kind->setObjectName("ledgerReportKind");
    m_kind->addItems({tr("Trial balance"), tr("Profit and loss"), tr("Balance sheet")});
    m_preset->setObjectName("ledgerPeriod");
    m_preset->addItems({tr("This month"), tr("Last month"), tr("This quarter"), tr("Year to date"),
                        tr("Last year"), tr("Last two years"), tr("Custom")});
    m_preset->setCurrentIndex(YearToDate);
    auto *refreshButton = new QPushButton(tr("Refresh"));
    refreshButton->setObjectName("ledgerRefresh");

    auto *bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(new QLabel(tr("Report")));
    bar->addWidget(m_kind);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Period")));
    bar->addWidget(m_preset);
    bar->addWidget(m_fromLabel);
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(tr("to")));
    bar->addWidget(m_to);
    bar->addStretch(1);
    bar->addWidget(refreshButton);

    m_reportProxy->setSourceModel(m_report->accounts());
    m_reportView->setModel(m_reportProxy);
    // The trial balance's totals row: the server's sums, bold under a rule.
    constexpr int TotalRowRole = Qt::UserRole + 40;
    m_reportProxy->setRowFlag(
        TotalRowRole, [](const QJsonObject &row) { return row.value("total_row").toBool(); });
    m_reportView->setItemDelegate(new TotalRowDelegate(TotalRowRole, m_reportView));
    setColumnWidths(m_reportView, {80, 240, 80, 140, 140, 140, 140, 140});
    // The name takes the room: amounts stay together by the type, whichever are shown.
    m_reportView->horizontalHeader()->setStretchLastSection(false);
    m_reportView->horizontalHeader()->setSectionResizeMode(LedgerReport::NameColumn,
                                                           QHeaderView::Stretch);
    m_reportView->setToolTip(tr("Double-click an account for its journal lines."));

    m_totals->setObjectName("ledgerTotals");
    m_totals->setTextFormat(Qt::RichText);

    // Lines: the source document in words ("Invoice 42") instead of two raw columns.
    m_linesProxy->setSourceModel(m_lines);
    m_linesProxy->setColumnText(2, [](const QJsonObject &row) {
        return JournalEntry::sourceText(row.value("source_type").toString(),
                                        row.value("source_id").toString());
    });
    m_linesView->setModel(m_linesProxy);
    m_linesView->setToolTip(tr("Double-click a line for its journal entry."));
    setColumnWidths(m_linesView, {100, 250, 180, 130, 130});

    auto *linesBox = new QWidget;
    auto *linesLayout = new QVBoxLayout(linesBox);
    linesLayout->setContentsMargins(0, 8, 0, 0);
    linesLayout->addWidget(m_linesTitle);
    linesLayout->addWidget(m_linesView, 1);
    m_linesTitle->setText(tr("Double-click an account above to see its journal lines."));

    auto *reportBox = new QWidget;
    auto *reportLayout = new QVBoxLayout(reportBox);
    reportLayout->setContentsMargins(0, 0, 0, 0);
    reportLayout->addWidget(m_reportView, 1);
    reportLayout->addWidget(m_totals);

    QSplitter *split = verticalSplit(reportBox, linesBox);

    setContent(bar, split);

    connect(m_kind, &QComboBox::activated, this, [this] {
        const bool asOf = m_kind->currentIndex() == LedgerReport::BalanceSheet;
        m_fromLabel->setText(asOf ? tr("As of") : tr("From"));
        m_from->setVisible(!asOf);
        m_preset->setVisible(!asOf);
        refresh();
    });
    connect(m_preset, &QComboBox::activated, this, [this](int p) {
        applyPreset(p);
        refresh();
    });
    for (QDateEdit *d : {m_from, m_to})
        connect(d, &QDateEdit::editingFinished, this, [this] {
            m_preset->setCurrentIndex(Custom);
            refresh();
        });
    connect(refreshButton, &QPushButton::clicked, this, &LedgerTab::refresh);
    connect(m_report, &LedgerReport::loaded, this, &LedgerTab::showTotals);
    connect(m_report, &LedgerReport::loadFailed, this, [this](const QString &text) {
        showMessage(tr("The report could not be loaded: %1").arg(text), true);
        m_totals->clear();
    });
    connect(m_reportView, &QTableView::activated, this,
            [this](const QModelIndex &i) { openAccount(i.row()); });
    connect(m_linesView, &QTableView::activated, this, [this](const QModelIndex &i) {
        openEntry(sales::idText(m_lines->rowObject(i.row()).value("entry_id")));
    });
    connect(m_lines, &sales::PagedListModel::loadFailed, this, [this](const QString &text) {
        showMessage(tr("The lines could not be loaded: %1").arg(text), true);
    });
    applyPreset(YearToDate);
}

void LedgerTab::applyPreset(int preset)
{
    const QDate today = QDate::currentDate();
    const QDate monthStart(today.year(), today.month(), 1);
    switch (preset) {
    case ThisMonth:
        setPeriod(monthStart, monthStart.addMonths(1).addDays(-1));
        break;
    case LastMonth:
        setPeriod(monthStart.addMonths(-1), monthStart.addDays(-1));
        break;
    case ThisQuarter: {
        const QDate q(today.year(), (today.month() - 1) / 3 * 3 + 1, 1);
        setPeriod(q, q.addMonths(3).addDays(-1));
        break;
    }
    case YearToDate:
        setPeriod(QDate(today.year(), 1, 1), today);
        break;
    case LastYear:
        setPeriod(QDate(today.year() - 1, 1, 1), QDate(today.year() - 1, 12, 31));
        break;
    case TwoYears:
        setPeriod(QDate(today.year() - 1, 1, 1), QDate(today.year(), 12, 31));
        break;
    default:
        break;
    }
}

void LedgerTab::setPeriod(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void LedgerTab::setReportKind(int kind)
{
    m_kind->setCurrentIndex(kind);
    emit m_kind->activated(kind);
}

void LedgerTab::refresh()
{
    if (!beginRefresh())
        return;
    m_report->load(LedgerReport::Kind(m_kind->currentIndex()), m_scope->entityId(), m_from->date(),
                   m_to->date());
}

void LedgerTab::showTotals()
{
    // The trial balance shows each account's opening, debits, credits and closing (debit
    // positive); P&L and balance sheet one amount per account, credit accounts positive, as they
    // are read.
    const bool tb = m_report->kind() == LedgerReport::TrialBalance;
    for (int c : {LedgerReport::OpeningColumn, LedgerReport::DebitColumn,
                  LedgerReport::CreditColumn, LedgerReport::ClosingColumn})
        m_reportView->setColumnHidden(c, !tb);
    m_reportView->setColumnHidden(LedgerReport::BalanceColumn, tb);
    m_reportProxy->setHeaderText(LedgerReport::BalanceColumn,
                                 m_report->kind() == LedgerReport::ProfitAndLoss ? tr("Amount")
                                                                                 : tr("Balance"));
    const QString currency = m_report->report().value("currency").toString();
    QString text;
    switch (m_report->kind()) {
    case LedgerReport::TrialBalance:
        // "Balanced" is the server's word: debits equal credits and openings and closings
        // each sum to zero.
        text = m_report->balanced()
                   ? tr("Debits %1 · Credits %2 · <span style='color:#1F6F43; "
                        "font-weight:600;'>✓ Balanced</span>")
                         .arg(m_report->totalDebitText(), m_report->totalCreditText())
                   : tr("Debits %1 · Credits %2 · <span style='color:#B42318; "
                        "font-weight:600;'>Out of balance</span>")
                         .arg(m_report->totalDebitText(), m_report->totalCreditText());
        if (!m_report->report().value("total_opening").isUndefined() && !m_report->balanced())
            text += tr(" · openings sum to %1, closings to %2")
                        .arg(m_report->totalOpeningText(), m_report->totalClosingText());
        break;
    case LedgerReport::ProfitAndLoss:
        text = tr("Revenue and expenses in %1 · <b>Net income %2</b>")
                   .arg(currency, m_report->netIncomeText());
        break;
    case LedgerReport::BalanceSheet:
        text = tr("Assets, liabilities and equity in %1 · current earnings not yet closed %2 · "
                  "%3")
                   .arg(currency, m_report->currentEarningsText(),
                        m_report->balanced()
                            ? tr("<span style='color:#1F6F43; font-weight:600;'>✓ Balances"
                                 "</span>")
                            : tr("<span style='color:#B42318; font-weight:600;'>Does not "
                                 "balance</span>"));
        break;
    }
    if (m_report->accounts()->rowCount() == 0)
        text = tr("Nothing was posted in this period.");
    m_totals->setText(text);
}

QString LedgerTab::totalsText() const
{
    return m_totals->text();
}

void LedgerTab::openAccount(int reportRow)
{
    const QString id = m_report->ledgerAccountId(reportRow);
    if (id.isEmpty())
        return;
    const QJsonObject a = m_report->accounts()->rowObject(reportRow);
    const bool asOf = m_report->kind() == LedgerReport::BalanceSheet;
    const QDate from = asOf ? QDate() : m_from->date();
    m_linesTitle->setText(asOf ? tr("%1 %2 — lines up to %3")
                                     .arg(a.value("number").toString(), a.value("name").toString(),
                                          sales::formatDateText(FinanceApi::date(m_to->date())))
                               : tr("%1 %2 — lines from %3 to %4")
                                     .arg(a.value("number").toString(), a.value("name").toString(),
                                          sales::formatDateText(FinanceApi::date(from)),
                                          sales::formatDateText(FinanceApi::date(m_to->date()))));
    m_lines->setPath(FinanceApi::accountLinesPath(id, from, m_to->date()));
    m_linesProxy->setFetchEnabled(true);
    m_lines->reload();
}

void LedgerTab::openEntry(const QString &entryId)
{
    if (entryId.isEmpty())
        return;
    auto *dialog = new JournalEntryDialog(m_api, entryId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace keel::finance
