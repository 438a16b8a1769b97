#include "finance_tab.h"

#include "finance_scope.h"
#include "timeapproval/list_style.h"

#include <QLabel>
#include <QVBoxLayout>

namespace keel::finance {

FinanceTab::FinanceTab(FinanceScope *scope, QWidget *parent)
    : QWidget(parent), m_scope(scope), m_message(new QLabel)
{
    m_message->setObjectName("financeTabMessage");
    m_message->setWordWrap(true);
    m_message->hide();
    // A tab not yet looked at loads when it is first shown, not on every entity change.
    connect(m_scope, &FinanceScope::entityChanged, this, [this] {
        if (m_shown)
            refresh();
    });
}

void FinanceTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shown)
        refresh();
}

bool FinanceTab::beginRefresh()
{
    m_shown = true;
    m_message->hide();
    return !m_scope->entityId().isEmpty();
}

void FinanceTab::showMessage(const QString &text, bool error)
{
    timeapproval::showOutcome(m_message, text, error);
}

QString FinanceTab::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void FinanceTab::setContent(QLayout *bar, QWidget *content)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(content, 1);
}

} // namespace keel::finance
