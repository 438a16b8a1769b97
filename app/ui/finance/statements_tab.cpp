#include "statements_tab.h"

#include "finance_api.h"
#include "finance_lists.h"
#include "finance_scope.h"
#include "finance_widgets.h"
#include "journal_entry.h"
#include "journal_entry_dialog.h"
#include "paged_list_model.h"
#include "row_text_proxy.h"
#include "sales_format.h"
#include "statements_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::finance {

namespace {
enum Preset
{
    LastMonth,
    ThisMonth,
    LastQuarter,
    YearToDate,
    LastYear,
    Custom
};

const QString SettingsKey = QStringLiteral("finance/statements/");

// Headings and totals bold on a tint with a rule above the totals, eliminations in italics,
// differences that lower the figure in red: a statement is read by its structure.
class StatementRowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const int kind = index.data(StatementsModel::RowKindRole).toInt();
        const bool selected = option.state & QStyle::State_Selected;
        if (!selected && kind == StatementsModel::SectionRow)
            painter->fillRect(option.rect, QColor(0xF3, 0xF5, 0xF8));
        if (!selected && (kind == StatementsModel::TotalRow || kind == StatementsModel::ResultRow))
            painter->fillRect(option.rect, QColor(0xEE, 0xF2, 0xF6));
        QStyledItemDelegate::paint(painter, option, index);
        if (kind == StatementsModel::TotalRow || kind == StatementsModel::ResultRow) {
            painter->save();
            painter->setPen(
                QPen(QColor(0x9A, 0xA5, 0xB4), kind == StatementsModel::ResultRow ? 2 : 1));
            painter->drawLine(option.rect.topLeft(), option.rect.topRight());
            painter->restore();
        }
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int kind = index.data(StatementsModel::RowKindRole).toInt();
        if (kind == StatementsModel::SectionRow || kind == StatementsModel::TotalRow ||
            kind == StatementsModel::ResultRow)
            option->font.setBold(true);
        if (kind == StatementsModel::EliminationRow)
            option->font.setItalic(true);
        const int column = index.column();
        if ((column == StatementsModel::PreviousPeriodDiffColumn ||
             column == StatementsModel::PreviousYearDiffColumn) &&
            index.data(StatementsModel::AmountRole).toString().startsWith(u'-'))
            option->palette.setColor(QPalette::Text, QColor(0xB4, 0x23, 0x18));
    }
};

QPair<QDate, QDate> presetPeriod(int preset, const QDate &today)
{
    const QDate month(today.year(), today.month(), 1);
    const QDate quarter(today.year(), (today.month() - 1) / 3 * 3 + 1, 1);
    switch (preset) {
    case LastMonth:
        return {month.addMonths(-1), month.addDays(-1)};
    case ThisMonth:
        return {month, month.addMonths(1).addDays(-1)};
    case LastQuarter:
        return {quarter.addMonths(-3), quarter.addDays(-1)};
    case YearToDate:
        return {QDate(today.year(), 1, 1), today};
    case LastYear:
        return {QDate(today.year() - 1, 1, 1), QDate(today.year() - 1, 12, 31)};
    default:
        return {};
    }
}
} // namespace

StatementsTab::StatementsTab(ApiClient *api, FinanceScope *scope, QWidget *parent)
    : FinanceTab(scope, parent), m_api(api), m_model(new StatementsModel(api, this)),
      m_lines(accountLinesModel(api, this)),
      m_linesProxy(new RowTextProxy(sales::PagedListModel::ObjectRole, this)),
      m_kind(new QComboBox), m_scopeChoice(new QComboBox), m_preset(new QComboBox),
      m_fromLabel(new QLabel(tr("From"))), m_from(dateField(QDate(), "statementsFrom")),
      m_toLabel(new QLabel(tr("to"))), m_to(dateField(QDate(), "statementsTo")),
      m_compare(new QCheckBox(tr("Compare with previous period and year"))),
      m_view(financeTable("statementsView")), m_summary(new QLabel),
      m_linesTitle(sectionLabel(QString())), m_drillAccount(new QComboBox),
      m_linesView(financeTable("statementsLines")), m_linesTotal(new QLabel),
      m_linesBox(new QWidget)
{
    setObjectName("statementsTab");
    m_kind->setObjectName("statementsKind");
    m_kind->addItems({tr("Profit and loss"), tr("Balance sheet")});
    m_scopeChoice->setObjectName("statementsScope");
    m_scopeChoice->addItems({tr("Legal entity"), tr("Group, consolidated")});
    m_scopeChoice->setToolTip(tr("The entity chosen at the top, or all entities consolidated in "
                                 "the group currency with intercompany balances eliminated."));
    m_preset->setObjectName("statementsPeriod");
    m_preset->addItems({tr("Last month"), tr("This month"), tr("Last quarter"), tr("Year to date"),
                        tr("Last year"), tr("Custom")});
    m_compare->setObjectName("statementsCompare");
    m_compare->setChecked(true);
    auto *refreshButton = new QPushButton(tr("Refresh"));
    refreshButton->setObjectName("statementsRefresh");

    auto *bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(m_kind);
    bar->addWidget(m_scopeChoice);
    bar->addSpacing(12);
    bar->addWidget(m_preset);
    bar->addWidget(m_fromLabel);
    bar->addWidget(m_from);
    bar->addWidget(m_toLabel);
    bar->addWidget(m_to);
    bar->addSpacing(12);
    bar->addWidget(m_compare);
    bar->addStretch(1);
    bar->addWidget(refreshButton);

    m_view->setModel(m_model);
    m_view->setItemDelegate(new StatementRowDelegate(m_view));
    m_view->horizontalHeader()->setStretchLastSection(false);
    setColumnWidths(m_view, {70, 260, 140, 140, 160, 140, 160});
    m_view->horizontalHeader()->setSectionResizeMode(StatementsModel::NameColumn,
                                                     QHeaderView::Stretch);
    // Two-line titles: the comparison columns name their period.
    m_view->horizontalHeader()->setMinimumHeight(44);
    m_view->setToolTip(tr("Double-click a figure for the journal lines behind it."));
    m_summary->setObjectName("statementsSummary");
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);

    m_linesProxy->setSourceModel(m_lines);
    m_linesProxy->setColumnText(2, [](const QJsonObject &row) {
        return JournalEntry::sourceText(row.value("source_type").toString(),
                                        row.value("source_id").toString());
    });
    m_linesView->setModel(m_linesProxy);
    m_linesView->setToolTip(tr("Double-click a line for its journal entry."));
    setColumnWidths(m_linesView, {100, 250, 180, 130, 130});
    m_drillAccount->setObjectName("statementsDrillAccount");
    m_drillAccount->setToolTip(tr("A group figure sums the entities' accounts: pick one to see "
                                  "its lines in that entity's currency."));
    m_drillAccount->hide();
    m_linesTotal->setObjectName("statementsLinesTotal");
    m_linesTotal->setTextFormat(Qt::RichText);

    auto *linesHead = new QHBoxLayout;
    linesHead->addWidget(m_linesTitle, 1);
    linesHead->addWidget(m_drillAccount);
    auto *linesLayout = new QVBoxLayout(m_linesBox);
    linesLayout->setContentsMargins(0, 8, 0, 0);
    linesLayout->addLayout(linesHead);
    linesLayout->addWidget(m_linesView, 1);
    linesLayout->addWidget(m_linesTotal);
    closeLines();

    auto *statementBox = new QWidget;
    auto *statementLayout = new QVBoxLayout(statementBox);
    statementLayout->setContentsMargins(0, 0, 0, 0);
    statementLayout->addWidget(m_view, 1);
    statementLayout->addWidget(m_summary);
    setContent(bar, verticalSplit(statementBox, m_linesBox));

    // The last choices come back (and screenshots can ask for them through the settings).
    QSettings settings;
    m_kind->setCurrentIndex(settings.value(SettingsKey + "kind", 0).toInt());
    m_scopeChoice->setCurrentIndex(settings.value(SettingsKey + "group", false).toBool() ? 1 : 0);
    m_preset->setCurrentIndex(settings.value(SettingsKey + "preset", LastMonth).toInt());
    const QDate savedFrom = settings.value(SettingsKey + "from").toDate();
    const QDate savedTo = settings.value(SettingsKey + "to").toDate();
    if (m_preset->currentIndex() == Custom && savedFrom.isValid() && savedTo.isValid())
        setPeriod(savedFrom, savedTo);
    else
        applyPreset(m_preset->currentIndex() == Custom ? LastMonth : m_preset->currentIndex());
    const auto remember = [this] {
        QSettings s;
        s.setValue(SettingsKey + "kind", m_kind->currentIndex());
        s.setValue(SettingsKey + "group", m_scopeChoice->currentIndex() == 1);
        s.setValue(SettingsKey + "preset", m_preset->currentIndex());
        s.setValue(SettingsKey + "from", m_from->date());
        s.setValue(SettingsKey + "to", m_to->date());
    };
    const auto kindShown = [this] {
        const bool asOf = m_kind->currentIndex() == StatementsModel::BalanceSheet;
        // A balance sheet is as of one day: the end of the period chosen.
        m_fromLabel->setVisible(!asOf);
        m_from->setVisible(!asOf);
        m_toLabel->setText(asOf ? tr("as of") : tr("to"));
    };
    kindShown();

    connect(m_kind, &QComboBox::activated, this, [this, remember, kindShown] {
        kindShown();
        remember();
        refresh();
    });
    connect(m_scopeChoice, &QComboBox::activated, this, [this, remember] {
        remember();
        refresh();
    });
    connect(m_preset, &QComboBox::activated, this, [this, remember](int p) {
        applyPreset(p);
        remember();
        refresh();
    });
    for (QDateEdit *d : {m_from, m_to})
        connect(d, &QDateEdit::editingFinished, this, [this, remember] {
            m_preset->setCurrentIndex(Custom);
            remember();
            refresh();
        });
    connect(m_compare, &QCheckBox::toggled, this, &StatementsTab::refresh);
    connect(refreshButton, &QPushButton::clicked, this, &StatementsTab::refresh);
    connect(m_model, &StatementsModel::loaded, this, &StatementsTab::showSummary);
    connect(m_model, &StatementsModel::loadFailed, this, [this](const QString &text) {
        showMessage(tr("The statement could not be loaded: %1").arg(text), true);
        m_summary->clear();
    });
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &i) { openRow(i.row(), i.column()); });
    connect(m_drillAccount, &QComboBox::activated, this, &StatementsTab::loadDrillAccount);
    connect(m_linesView, &QTableView::activated, this, [this](const QModelIndex &i) {
        openEntry(sales::idText(m_lines->rowObject(i.row()).value("entry_id")));
    });
    connect(m_lines, &sales::PagedListModel::pageLoaded, this, &StatementsTab::showLinesTotal);
    connect(m_lines, &sales::PagedListModel::loadFailed, this, [this](const QString &text) {
        showMessage(tr("The lines could not be loaded: %1").arg(text), true);
    });
}

void StatementsTab::applyPreset(int preset)
{
    const auto [from, to] = presetPeriod(preset, QDate::currentDate());
    if (from.isValid())
        setPeriod(from, to);
}

void StatementsTab::setKind(int kind)
{
    m_kind->setCurrentIndex(kind);
    emit m_kind->activated(kind);
}

void StatementsTab::setGroup(bool group)
{
    m_scopeChoice->setCurrentIndex(group ? 1 : 0);
    emit m_scopeChoice->activated(m_scopeChoice->currentIndex());
}

void StatementsTab::setPeriod(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void StatementsTab::setCompare(bool compare)
{
    m_compare->setChecked(compare);
}

void StatementsTab::closeLines()
{
    // Lines of a figure no longer shown would mislead: they go until another is opened.
    m_drillRow = -1;
    m_linesBox->hide();
    m_linesTotal->clear();
}

void StatementsTab::refresh()
{
    if (!beginRefresh())
        return;
    closeLines();
    const bool group = m_scopeChoice->currentIndex() == 1;
    m_model->load(StatementsModel::Kind(m_kind->currentIndex()),
                  group ? QString() : m_scope->entityId(), m_from->date(), m_to->date(),
                  m_compare->isChecked());
}

void StatementsTab::showSummary()
{
    for (int c = StatementsModel::CurrentColumn; c < StatementsModel::ColumnCount; ++c)
        m_view->setColumnHidden(c, !m_model->hasColumn(c));
    const QString currency = m_model->currency();
    QString text = m_model->isGroup()
                       ? tr("Consolidated in %1, the group currency: the entities' balance sheets "
                            "at the period end's rate, their profit and loss at the period's "
                            "average rate; intercompany accounts eliminated.")
                             .arg(currency)
                       : tr("Amounts in %1, the entity's functional currency.").arg(currency);
    if (m_model->kind() == StatementsModel::ProfitAndLoss) {
        const QString net = m_model->resultAmount(QStringLiteral("net_income"));
        if (!net.isEmpty())
            text += u' ' + tr("<b>Net income %1 %2</b>")
                               .arg(currency, StatementsModel::formatAmount(net, currency));
    } else {
        text += u' ' + (m_model->balanced()
                            ? tr("<span style='color:#1F6F43; font-weight:600;'>✓ Assets equal "
                                 "liabilities and equity</span>")
                            : tr("<span style='color:#B42318; font-weight:600;'>Does not "
                                 "balance</span>"));
    }
    if (m_model->rowCount() == 0)
        text = tr("Nothing was posted in this period.");
    else
        text += QStringLiteral("<br><span style='color:#5d6878;'>%1</span>")
                    .arg(tr("Double-click a figure for the journal lines behind it."));
    m_summary->setText(text);
}

QString StatementsTab::summaryText() const
{
    return m_summary->text();
}

QString StatementsTab::entityCode(const QString &entityId) const
{
    for (const LegalEntity &e : m_scope->entities())
        if (e.id == entityId)
            return e.code;
    return entityId;
}

void StatementsTab::openRow(int row, int column, int accountIndex)
{
    const QList<StatementsModel::AccountRef> refs = m_model->accounts(row);
    if (refs.isEmpty())
        return;
    m_drillRow = row;
    // A difference opens the current period's lines: that is where the change happened.
    m_drillColumn = column == StatementsModel::PreviousPeriodColumn ||
                            column == StatementsModel::PreviousYearColumn
                        ? column
                        : StatementsModel::CurrentColumn;
    m_drillAccount->clear();
    for (const StatementsModel::AccountRef &a : refs)
        m_drillAccount->addItem(
            tr("%1 · account %2")
                .arg(entityCode(a.legalEntityId),
                     m_model->index(row, StatementsModel::NumberColumn).data().toString()),
            a.accountId);
    m_drillAccount->setVisible(refs.size() > 1);
    m_drillAccount->setCurrentIndex(std::clamp(accountIndex, 0, int(refs.size()) - 1));
    loadDrillAccount();
}

void StatementsTab::loadDrillAccount()
{
    const QString account = m_drillAccount->currentData().toString();
    if (account.isEmpty() || m_drillRow < 0)
        return;
    const bool asOf = m_model->kind() == StatementsModel::BalanceSheet;
    QDate to = m_model->columnTo(m_drillColumn);
    QDate from = asOf ? QDate() : m_model->columnFrom(m_drillColumn);
    if (!to.isValid()) { // an answer without its columns' dates: the tab's own
        to = m_to->date();
        from = asOf ? QDate() : m_from->date();
    }
    const QString number =
        m_model->index(m_drillRow, StatementsModel::NumberColumn).data().toString();
    const QString name = m_model->index(m_drillRow, StatementsModel::NameColumn).data().toString();
    const QString who =
        m_model->isGroup() ? QStringLiteral(" (%1)").arg(m_drillAccount->currentText()) : QString();
    m_linesTitle->setText(
        asOf ? tr("%1 %2%3 — lines up to %4")
                   .arg(number, name, who, sales::formatDateText(FinanceApi::date(to)))
             : tr("%1 %2%3 — lines from %4 to %5")
                   .arg(number, name, who, sales::formatDateText(FinanceApi::date(from)),
                        sales::formatDateText(FinanceApi::date(to))));
    m_linesTotal->clear();
    m_linesBox->show();
    m_lines->setPath(FinanceApi::accountLinesPath(account, from, to));
    m_linesProxy->setFetchEnabled(true);
    m_lines->reload();
}

void StatementsTab::showLinesTotal()
{
    if (m_drillRow < 0)
        return;
    QList<QJsonObject> rows;
    for (int r = 0; r < m_lines->rowCount(); ++r)
        rows.append(m_lines->rowObject(r));
    const QString net = StatementsModel::netOfLines(rows, m_model->creditNatured(m_drillRow));
    QString currency;
    if (m_lines->rowCount() > 0)
        currency = sales::moneyFromJsonValue(m_lines->rowObject(0).value("functional_debit"))
                       .currency()
                       .code();
    const QString amount = StatementsModel::formatAmount(net, currency);
    const bool more = m_lines->canFetchMore({});
    const QString count = QString::number(m_lines->rowCount());
    m_linesTotal->setText(more ? tr("Lines loaded so far: %1, net %2 %3 — scroll for more.")
                                     .arg(count, currency, amount)
                               : tr("Lines: %1, net <b>%2 %3</b>.").arg(count, currency, amount));
}

QString StatementsTab::linesTotalText() const
{
    return m_linesTotal->text();
}

void StatementsTab::openEntry(const QString &entryId)
{
    if (entryId.isEmpty())
        return;
    auto *dialog = new JournalEntryDialog(m_api, entryId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace keel::finance
