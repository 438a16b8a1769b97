#include "expenses_page.h"

#include "expense_book.h"
#include "expense_form.h"
#include "expense_list_model.h"
#include "sales_format.h"
#include "session.h"
#include "timeapproval/list_style.h"
#include "timeapproval/row_highlight_delegate.h"

#include <QDate>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedLayout>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::expenses {

ExpensesPage::ExpensesPage(Session *session, offline::LocalStore *store, QWidget *parent)
    : QWidget(parent), m_book(new ExpenseBook(session->api(), store, this)),
      m_model(new ExpenseListModel(m_book, this)), m_form(new ExpenseForm(m_book)),
      m_view(new QTableView), m_message(new QLabel), m_empty(new QLabel), m_new(new QPushButton),
      m_submit(new QPushButton)
{
    setObjectName("expensesPage");
    auto *title = new QLabel(tr("My expenses"));
    title->setObjectName("pageTitle");
    auto *intro = new QLabel(
        store ? tr("Expenses are saved on this computer at once and go to the server with the "
                   "next sync. Tick drafts and submit them as a report for approval.")
              : tr("Tick drafts and submit them as a report: your manager approves it, then "
                   "finance."));
    intro->setObjectName("pageSummary");
    intro->setWordWrap(true);

    m_view->setModel(m_model);
    timeapproval::styleListView(m_view);
    m_view->setObjectName("expenseList");
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    QHeaderView *h = m_view->horizontalHeader();
    h->setStretchLastSection(false);
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(ExpenseListModel::DescriptionColumn, QHeaderView::Stretch);
    h->resizeSection(ExpenseListModel::CheckColumn, 34);
    h->resizeSection(ExpenseListModel::DateColumn, 100);
    h->resizeSection(ExpenseListModel::CategoryColumn, 90);
    h->resizeSection(ExpenseListModel::AmountColumn, 100);
    h->resizeSection(ExpenseListModel::StatusColumn, 150);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setItemDelegate(new timeapproval::RowHighlightDelegate(
        ExpenseListModel::BreachRole, QColor(0xFF, 0xF1, 0xD6), QColor(), m_view));

    m_empty->setObjectName("emptyState");
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("No expenses yet. Fill in the form on the right and drop the receipt "
                        "on it."));
    auto *listHolder = new QWidget;
    auto *stack = new QStackedLayout(listHolder);
    stack->addWidget(m_view);
    stack->addWidget(m_empty);

    m_new->setObjectName("newExpense");
    m_new->setText(tr("New expense"));
    m_submit->setObjectName("submitReport");
    m_submit->setText(tr("Submit report…"));
    m_submit->setProperty("primary", true);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_new);
    listButtons->addStretch(1);
    listButtons->addWidget(m_submit);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(listHolder, 1);
    leftLayout->addLayout(listButtons);

    auto *card = new QFrame;
    card->setObjectName("placeholderCard");
    card->setFrameShape(QFrame::StyledPanel);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(18, 14, 18, 14);
    cardLayout->addWidget(m_form);
    auto *scroll = new QScrollArea;
    scroll->setWidget(card);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(400);

    auto *split = new QSplitter;
    split->addWidget(left);
    split->addWidget(scroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({720, 480});
    split->setChildrenCollapsible(false);

    m_message->setObjectName("boardMessage");
    m_message->setWordWrap(true);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 18);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_new, &QPushButton::clicked, this, [this] {
        m_view->clearSelection();
        m_form->startNew();
    });
    connect(m_submit, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString title = QInputDialog::getText(
            this, tr("Submit report"), tr("Title of the report:"), QLineEdit::Normal,
            tr("Expenses %1").arg(QLocale().toString(QDate::currentDate(), "MMMM yyyy")), &ok);
        if (ok)
            submitReport(title.trimmed());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    if (const auto e = m_book->expense(m_model->idAt(current.row())))
                        m_form->load(*e);
            });
    connect(m_model, &ExpenseListModel::checkedChanged, this, &ExpensesPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this, stack] {
        stack->setCurrentIndex(m_model->rowCount() == 0 ? 1 : 0);
        // Keep the row of the form's expense selected without reloading the form: a sync
        // round must not throw away what the person is typing.
        const int row = m_model->rowOf(m_form->expenseId());
        if (row >= 0) {
            const QSignalBlocker quiet(m_view->selectionModel());
            m_view->selectRow(row);
        }
    });
    connect(m_book, &ExpenseBook::reportSubmitted, this, [this](const QJsonObject &report) {
        showMessage(tr("Report “%1” submitted: %2. Your manager decides next.")
                        .arg(report.value("title").toString(),
                             sales::formatMoneyJson(report.value("total"))),
                    false);
    });
    connect(m_book, &ExpenseBook::submitFailed, this,
            [this](const QString &why) { showMessage(why, true); });
    connect(m_book, &ExpenseBook::syncRequested, this, &ExpensesPage::syncRequested);
    updateButtons();
}

void ExpensesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce)
        reload();
}

void ExpensesPage::reload()
{
    m_loadedOnce = true;
    m_book->loadReference();
    m_book->reload();
}

void ExpensesPage::updateButtons()
{
    const int n = int(m_model->checkedIds().size());
    m_submit->setEnabled(n > 0);
    m_submit->setText(n > 0 ? tr("Submit %n as report…", nullptr, n) : tr("Submit report…"));
}

void ExpensesPage::submitReport(const QString &title)
{
    const QStringList ids = m_model->checkedIds();
    if (title.isEmpty()) {
        showMessage(tr("A report needs a title."), true);
        return;
    }
    QStringList unjustified;
    for (const QString &id : ids) {
        const auto e = m_book->expense(id);
        if (e && !e->value("policy_breach").toString().isEmpty() &&
            e->value("justification").toString().trimmed().isEmpty())
            unjustified.append(tr("%1 (%2): %3")
                                   .arg(e->value("description").toString(),
                                        sales::formatMoneyJson(e->value("amount")),
                                        e->value("policy_breach").toString()));
    }
    if (!unjustified.isEmpty()) {
        showMessage(tr("Not submitted: these expenses break the policy and need a "
                       "justification first. Open each, say why, and save:\n") +
                        unjustified.join(u'\n'),
                    true);
        return;
    }
    m_book->submitReport(title, ids);
}

QString ExpensesPage::message() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

void ExpensesPage::showMessage(const QString &text, bool error)
{
    timeapproval::showOutcome(m_message, text, error);
}

} // namespace keel::expenses
