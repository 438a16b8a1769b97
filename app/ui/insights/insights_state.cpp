#include "insights_state.h"

#include "problem.h"
#include "problem_text.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace keel::insights {

InsightsStatePanel::InsightsStatePanel(QWidget *content, QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget), m_message(new QLabel),
      m_retry(new QPushButton(tr("Retry"))), m_retrain(new QPushButton(tr("Retrain models"))),
      m_messagePage(new QWidget), m_content(content)
{
    m_message->setObjectName("insightsStateMessage");
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #4a5568; font-size: 11pt;"));
    m_retry->setObjectName("insightsRetry");
    m_retrain->setObjectName("insightsRetrain");
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_retry);
    buttons->addWidget(m_retrain);
    buttons->addStretch();
    auto *page = new QVBoxLayout(m_messagePage);
    page->addStretch();
    page->addWidget(m_message);
    page->addLayout(buttons);
    page->addStretch();
    m_stack->addWidget(m_messagePage);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    connect(m_retry, &QPushButton::clicked, this, &InsightsStatePanel::retryRequested);
    connect(m_retrain, &QPushButton::clicked, this, &InsightsStatePanel::retrainRequested);
    showLoading();
}

QString InsightsStatePanel::messageText() const
{
    return m_state == State::Ready ? QString() : m_message->text();
}

void InsightsStatePanel::setRetrainOffered(bool offered)
{
    m_retrainOffered = offered;
    m_retrain->setVisible(m_state == State::NotTrained && offered);
}

void InsightsStatePanel::setState(State state)
{
    m_state = state;
    m_retry->setVisible(state == State::Error);
    m_retrain->setVisible(state == State::NotTrained && m_retrainOffered);
    m_stack->setCurrentWidget(state == State::Ready ? m_content : m_messagePage);
}

void InsightsStatePanel::showLoading()
{
    m_message->setText(tr("Loading…"));
    setState(State::Loading);
}

void InsightsStatePanel::showEmpty(const QString &message)
{
    m_message->setText(message);
    setState(State::Empty);
}

void InsightsStatePanel::showNotTrained()
{
    m_message->setText(tr("No model trained yet"));
    setState(State::NotTrained);
}

void InsightsStatePanel::showProblem(const Problem &problem)
{
    if (problem.status == 409)
        showNotTrained();
    else
        showError(humanMessage(problem));
}

void InsightsStatePanel::showError(const QString &message)
{
    m_message->setText(message);
    setState(State::Error);
}

void InsightsStatePanel::showReady()
{
    setState(State::Ready);
}

} // namespace keel::insights
