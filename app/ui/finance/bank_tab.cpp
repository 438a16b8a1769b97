#include "bank_tab.h"

#include "api_reply.h"
#include "bank_account_dialog.h"
#include "book_line_dialog.h"
#include "finance_api.h"
#include "finance_lists.h"
#include "finance_scope.h"
#include "finance_widgets.h"
#include "json_array_model.h"
#include "payables_tab.h"
#include "problem_text.h"
#include "row_text_proxy.h"
#include "sales_format.h"
#include "statement_import.h"
#include "timeapproval/list_style.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::finance {

using sales::ListColumn;
using F = ListColumn::Format;

namespace {
// What a suggestion would match, and the member /match wants for it.
QString suggestionKind(const QJsonObject &s)
{
    for (const char *k : {"kind", "type", "target"})
        if (s.value(k).isString())
            return s.value(k).toString();
    for (const char *k : {"customer_receipt_id", "vendor_payment_id", "invoice_id", "bill_id"})
        if (s.contains(k))
            return QString::fromLatin1(k).chopped(3);
    return {};
}

QString kindWords(const QString &kind)
{
    if (kind == QLatin1String("customer_receipt") || kind == QLatin1String("receipt"))
        return BankTab::tr("Recorded receipt");
    if (kind == QLatin1String("vendor_payment") || kind == QLatin1String("payment"))
        return BankTab::tr("Recorded payment");
    if (kind == QLatin1String("invoice"))
        return BankTab::tr("Open invoice (records the receipt)");
    if (kind == QLatin1String("bill"))
        return BankTab::tr("Open bill (records the payment)");
    return kind;
}
QString reasonWords(const QString &reason)
{
    if (reason == QLatin1String("amount_and_reference"))
        return BankTab::tr("Same amount, reference names it");
    if (reason == QLatin1String("amount_and_date"))
        return BankTab::tr("Same amount within 10 days");
    if (reason == QLatin1String("reference"))
        return BankTab::tr("Reference names it");
    return reason;
}
} // namespace

BankTab::BankTab(ApiClient *api, FinanceScope *scope, bool canWrite, QWidget *parent)
    : FinanceTab(scope, parent), m_api(api), m_canWrite(canWrite),
      m_lines(statementLinesModel(api, this)),
      m_linesProxy(new RowTextProxy(sales::PagedListModel::ObjectRole, this)),
      m_suggestions(new delivery::JsonArrayModel(
          {{"kind_text", QT_TRANSLATE_NOOP("keel::finance::Columns", "Match with"), F::Text, {}},
           {"number", QT_TRANSLATE_NOOP("keel::finance::Columns", "Document"), F::Text, {}},
           {"party", QT_TRANSLATE_NOOP("keel::finance::Columns", "Client or vendor"), F::Text, {}},
           {"date", QT_TRANSLATE_NOOP("keel::finance::Columns", "Date"), F::Date, {}},
           {"amount", QT_TRANSLATE_NOOP("keel::finance::Columns", "Amount"), F::Money, {}},
           {"reason_text", QT_TRANSLATE_NOOP("keel::finance::Columns", "Why"), F::Text, {}}},
          "keel::finance::Columns", this)),
      m_import(new StatementImport(api, this)), m_account(new QComboBox), m_status(new QComboBox),
      m_reconciliation(new QLabel), m_linesView(financeTable("statementLinesView")),
      m_suggestionsView(financeTable("suggestionsView")),
      m_suggestionsTitle(sectionLabel(tr("Matching suggestions"))),
      m_importButton(new QPushButton(tr("Import statement…"))),
      m_match(new QPushButton(tr("Match"))), m_ignore(new QPushButton(tr("Ignore line"))),
      m_unmatch(new QPushButton(tr("Undo match"))), m_book(new QPushButton(tr("Book to account…"))),
      m_newAccount(new QPushButton(tr("New account…")))
{
    setObjectName("bankTab");
    m_account->setObjectName("bankAccountPicker");
    // Long IBANs must not push the buttons out of the bar: the combo shows what fits.
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_account->setMinimumContentsLength(22);
    m_status->setObjectName("lineStatus");
    m_status->addItem(tr("To reconcile"), QStringLiteral("unmatched"));
    m_status->addItem(tr("Matched"), QStringLiteral("matched"));
    m_status->addItem(tr("Ignored"), QStringLiteral("ignored"));
    m_status->addItem(tr("All lines"), QString());
    m_importButton->setObjectName("importStatement");
    m_importButton->setToolTip(tr("A CSV file with the header date,amount,reference,"
                                  "counterparty (ISO dates, a dot for decimals, negative "
                                  "amounts going out). Lines already imported are skipped."));
    m_match->setObjectName("matchLine");
    m_match->setProperty("primary", true);
    m_match->setDefault(true);
    m_ignore->setObjectName("ignoreLine");
    m_unmatch->setObjectName("unmatchLine");
    m_book->setObjectName("bookLine");
    m_book->setToolTip(tr("For a line no receipt or payment explains (bank charges, interest): "
                          "post it to a ledger account and mark it matched."));
    m_newAccount->setObjectName("newBankAccount");
    for (QPushButton *b : {m_importButton, m_match, m_ignore, m_unmatch, m_book, m_newAccount})
        b->setVisible(canWrite);
    auto *refreshButton = new QPushButton(tr("Refresh"));

    auto *bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(new QLabel(tr("Bank account")));
    bar->addWidget(m_account);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Show")));
    bar->addWidget(m_status);
    bar->addStretch(1);
    bar->addWidget(refreshButton);
    bar->addWidget(m_newAccount);
    bar->addWidget(m_importButton);
    keepTextWidth({refreshButton, m_newAccount, m_importButton});

    m_reconciliation->setObjectName("reconciliationSummary");
    m_reconciliation->setTextFormat(Qt::RichText);
    m_reconciliation->setWordWrap(true);
    m_reconciliation->setStyleSheet(
        QStringLiteral("QLabel { background:#F7F9FB; border:1px solid #D9DEE5; border-radius:6px; "
                       "padding:8px 12px; }"));

    m_linesProxy->setSourceModel(m_lines);
    m_linesProxy->setColumnText(
        4, [](const QJsonObject &row) { return statusWords(row.value("status").toString()); });
    m_linesView->setModel(m_linesProxy);
    setColumnWidths(m_linesView, {110, 250, 270, 130});

    m_suggestionsView->setModel(m_suggestions);
    setColumnWidths(m_suggestionsView, {140, 160, 200, 100, 120});
    m_suggestionsView->setToolTip(tr("Double-click a suggestion to match the line with it."));

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_unmatch);
    actions->addStretch(1);
    actions->addWidget(m_book);
    actions->addWidget(m_ignore);
    actions->addWidget(m_match);
    // Lines above, the selected line's suggestions below: both tables get the full width.
    auto *below = new QWidget;
    auto *belowLayout = new QVBoxLayout(below);
    belowLayout->setContentsMargins(0, 8, 0, 0);
    belowLayout->addWidget(m_suggestionsTitle);
    belowLayout->addWidget(m_suggestionsView, 1);
    belowLayout->addLayout(actions);

    QSplitter *split = verticalSplit(m_linesView, below);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_reconciliation);
    contentLayout->addWidget(split, 1);
    setContent(bar, content);

    connect(refreshButton, &QPushButton::clicked, this, &BankTab::refresh);
    connect(m_account, &QComboBox::activated, this, [this] {
        reloadLines();
        loadReconciliation();
    });
    connect(m_status, &QComboBox::activated, this, &BankTab::reloadLines);
    connect(m_importButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Import a bank statement"), QString(),
                                         tr("Bank statements (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(m_import, &StatementImport::imported, this, [this](int lines, int duplicates) {
        m_importButton->setEnabled(true);
        // Whole words in English too ("1 line", "3 lines"), not "line(s)".
        const QString imported = lines == 1 ? tr("1 statement line imported")
                                            : tr("%1 statement lines imported").arg(lines);
        afterChange(duplicates == 0 ? imported + u'.'
                    : duplicates == 1
                        ? tr("%1; 1 line was already there and was skipped.").arg(imported)
                        : tr("%1; %2 lines were already there and were skipped.")
                              .arg(imported)
                              .arg(duplicates));
    });
    connect(m_import, &StatementImport::failed, this, [this](const QString &text) {
        m_importButton->setEnabled(true);
        showMessage(tr("Nothing was imported: %1").arg(text), true);
    });
    connect(m_lines, &sales::PagedListModel::loadFailed, this, [this](const QString &text) {
        showMessage(tr("The statement lines could not be loaded: %1").arg(text), true);
    });
    connect(m_linesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &i) { showSuggestions(i.row()); });
    // The first line to reconcile is selected as soon as it is there, with its suggestions.
    connect(m_lines, &sales::PagedListModel::pageLoaded, this, [this] {
        if (!m_linesView->currentIndex().isValid() && m_linesProxy->rowCount() > 0)
            m_linesView->setCurrentIndex(m_linesProxy->index(0, 0));
    });
    connect(m_suggestionsView, &QTableView::activated, this,
            [this](const QModelIndex &i) { matchSuggestion(i.row()); });
    connect(m_suggestionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BankTab::updateActions);
    connect(m_match, &QPushButton::clicked, this,
            [this] { matchSuggestion(m_suggestionsView->currentIndex().row()); });
    connect(m_ignore, &QPushButton::clicked, this, &BankTab::ignoreLine);
    connect(m_book, &QPushButton::clicked, this, &BankTab::bookLine);
    connect(m_newAccount, &QPushButton::clicked, this, &BankTab::newAccount);
    connect(m_unmatch, &QPushButton::clicked, this, [this] {
        const QString line = currentLineId();
        if (line.isEmpty())
            return;
        ApiReply *r = FinanceApi(m_api).unmatch(line, currentLineVersion());
        connect(r, &ApiReply::finished, this, [this, r] {
            if (!r->ok())
                showMessage(humanMessage(r->problem()), true);
            else
                afterChange(tr("The match was undone; the line is to reconcile again."));
        });
    });
    updateActions();
}

void BankTab::refresh()
{
    if (!beginRefresh())
        return;
    loadAccounts();
}

QString BankTab::bankAccountId() const
{
    return m_account->currentData().toString();
}

void BankTab::loadAccounts(const QString &select)
{
    const QString keep = select.isEmpty() ? bankAccountId() : select;
    ApiReply *r = FinanceApi(m_api).bankAccounts(m_scope->entityId());
    connect(r, &ApiReply::finished, this, [this, r, keep] {
        m_account->clear();
        if (!r->ok()) {
            showMessage(
                tr("The bank accounts could not be loaded: %1").arg(humanMessage(r->problem())),
                true);
            emit accountsLoaded();
            return;
        }
        for (const QJsonValue &v : r->object().value("items").toArray()) {
            const QJsonObject b = v.toObject();
            m_account->addItem(QStringLiteral("%1 · %2 (%3)")
                                   .arg(b.value("name").toString(),
                                        b.value("account_number").toString(),
                                        b.value("currency").toString()),
                               sales::idText(b.value("id")));
            m_account->setItemData(m_account->count() - 1,
                                   b.value("ledger_account_number").toString(), Qt::UserRole + 1);
        }
        m_account->setCurrentIndex(std::max(0, m_account->findData(keep)));
        if (m_account->count() == 0)
            showMessage(tr("This entity has no bank account yet."), false);
        reloadLines();
        loadReconciliation();
        emit accountsLoaded();
    });
}

void BankTab::reloadLines()
{
    m_suggestions->setItems({});
    const QString account = bankAccountId();
    if (account.isEmpty())
        return;
    m_lines->setPath(FinanceApi::statementLinesPath(account, m_status->currentData().toString()));
    m_linesProxy->setFetchEnabled(true);
    m_lines->reload();
    updateActions();
}

void BankTab::loadReconciliation()
{
    const QString account = bankAccountId();
    if (account.isEmpty()) {
        m_reconciliation->clear();
        return;
    }
    ApiReply *r = FinanceApi(m_api).reconciliation(account, QDate::currentDate());
    connect(r, &ApiReply::finished, this, [this, r, account] {
        if (account != bankAccountId())
            return;
        if (!r->ok()) {
            m_reconciliation->setText(tr("The reconciliation could not be loaded: %1")
                                          .arg(humanMessage(r->problem()).toHtmlEscaped()));
            return;
        }
        const QJsonObject o = r->object();
        const QJsonValue diff = o.value("difference");
        const bool zero =
            sales::moneyFromJsonValue(diff).isValid() && sales::moneyFromJsonValue(diff).isZero();
        m_reconciliation->setText(
            tr("Statement balance <b>%1</b> · Ledger balance <b>%2</b> · Difference %3<br>"
               "Statement lines to reconcile: %4 · Receipts and payments not on the statement "
               "yet: %5")
                .arg(sales::formatMoneyJson(o.value("statement_balance")),
                     sales::formatMoneyJson(o.value("ledger_balance")),
                     zero ? tr("<span style='color:#1F6F43; font-weight:600;'>%1 ✓</span>")
                                .arg(sales::formatMoneyJson(diff))
                          : tr("<span style='color:#B42318; font-weight:600;'>%1</span>")
                                .arg(sales::formatMoneyJson(diff)))
                .arg(sales::formatMoneyJson(o.value("unmatched_total")),
                     sales::formatMoneyJson(o.value("not_on_statement_total"))));
    });
}

int BankTab::currentLineVersion() const
{
    const QModelIndex i = m_linesView->currentIndex();
    return i.isValid() ? m_lines->rowObject(i.row()).value("version").toInt() : 0;
}

QString BankTab::currentLineId() const
{
    const QModelIndex i = m_linesView->currentIndex();
    return i.isValid() ? m_lines->rowId(i.row()) : QString();
}

void BankTab::showSuggestions(int lineRow)
{
    m_suggestions->setItems({});
    updateActions();
    const QJsonObject line = m_lines->rowObject(lineRow);
    const QString id = sales::idText(line.value("id"));
    if (id.isEmpty())
        return;
    m_suggestionsTitle->setText(
        tr("Matching suggestions for %1 %2")
            .arg(sales::formatMoneyJson(line.value("amount")), line.value("reference").toString()));
    if (line.value("status").toString() != QLatin1String("unmatched"))
        return;
    ApiReply *r = FinanceApi(m_api).suggestions(id);
    connect(r, &ApiReply::finished, this, [this, r, id] {
        if (id != currentLineId())
            return;
        if (!r->ok()) {
            showMessage(humanMessage(r->problem()), true);
            return;
        }
        QJsonArray items;
        for (const QJsonValue &v : r->object().value("items").toArray()) {
            QJsonObject s = v.toObject();
            s.insert("kind_text", kindWords(suggestionKind(s)));
            s.insert("reason_text", reasonWords(s.value("reason").toString()));
            if (!s.contains("number") && s.contains("reference"))
                s.insert("number", s.value("reference"));
            items.append(s);
        }
        m_suggestions->setItems(items);
        if (!items.isEmpty())
            m_suggestionsView->setCurrentIndex(m_suggestions->index(0, 0));
        updateActions();
    });
}

void BankTab::matchSuggestion(int suggestionRow)
{
    const QString line = currentLineId();
    const QJsonObject s = m_suggestions->rowObject(suggestionRow);
    if (line.isEmpty() || s.isEmpty())
        return;
    const QString kind = suggestionKind(s);
    QString key = kind == QLatin1String("receipt")   ? QStringLiteral("customer_receipt")
                  : kind == QLatin1String("payment") ? QStringLiteral("vendor_payment")
                                                     : kind;
    key += QStringLiteral("_id");
    const QJsonValue id = s.contains(key) ? s.value(key) : s.value("id");
    ApiReply *r = FinanceApi(m_api).match(
        line, QJsonObject{{key, sales::idText(id)}, {"version", currentLineVersion()}});
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok())
            showMessage(humanMessage(r->problem()), true);
        else
            afterChange(tr("Line matched."));
    });
}

void BankTab::ignoreLine()
{
    const QString line = currentLineId();
    if (line.isEmpty())
        return;
    ApiReply *r = FinanceApi(m_api).ignore(line, currentLineVersion());
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok())
            showMessage(humanMessage(r->problem()), true);
        else
            afterChange(tr("Line ignored: it no longer counts as to reconcile."));
    });
}

void BankTab::newAccount()
{
    auto *dialog =
        new BankAccountDialog(m_api, m_scope->entityId(), m_scope->entity().currency, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BankAccountDialog::created, this, [this](const QJsonObject &account) {
        loadAccounts(sales::idText(account.value("id")));
        showMessage(tr("Bank account %1 created; it posts to ledger account %2.")
                        .arg(account.value("name").toString(),
                             account.value("ledger_account_number").toString()),
                    false);
    });
    dialog->open();
}

void BankTab::bookLine()
{
    const QModelIndex i = m_linesView->currentIndex();
    if (!i.isValid())
        return;
    auto *dialog = new BookLineDialog(m_api, m_scope->entityId(), m_lines->rowObject(i.row()),
                                      m_account->currentData(Qt::UserRole + 1).toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BookLineDialog::booked, this,
            [this] { afterChange(tr("Line booked to the account and matched.")); });
    dialog->open();
}

void BankTab::importFile(const QString &path)
{
    if (bankAccountId().isEmpty())
        return;
    m_importButton->setEnabled(false);
    if (!m_import->importFile(bankAccountId(), path))
        m_importButton->setEnabled(true);
}

void BankTab::afterChange(const QString &message)
{
    showMessage(message, false);
    reloadLines();
    loadReconciliation();
}

void BankTab::updateActions()
{
    const QModelIndex i = m_linesView->currentIndex();
    const QString status =
        i.isValid() ? m_lines->rowObject(i.row()).value("status").toString() : QString();
    m_match->setEnabled(status == QLatin1String("unmatched") &&
                        m_suggestionsView->currentIndex().isValid());
    m_ignore->setEnabled(status == QLatin1String("unmatched"));
    m_book->setEnabled(status == QLatin1String("unmatched"));
    m_unmatch->setEnabled(status == QLatin1String("matched") || status == QLatin1String("ignored"));
}

QString BankTab::reconciliationText() const
{
    return m_reconciliation->text();
}

} // namespace keel::finance
