#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace keel {
struct Problem;
}

namespace keel::insights {

// The designed states every insight shows around its content: loading, empty (with a hint,
// and for a model never trained "No model trained yet" with a Retrain button), error (the
// server's words and Retry) and the content itself.
class InsightsStatePanel : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        Loading,
        Empty,
        NotTrained,
        Error,
        Ready
    };
    explicit InsightsStatePanel(QWidget *content, QWidget *parent = nullptr);

    State state() const { return m_state; }
    QString messageText() const;
    void showLoading();
    void showEmpty(const QString &message);
    void showNotTrained();
    void showError(const QString &message);
    // A failed answer: 409 (no model trained yet) is the not-trained state, anything else an
    // error in the server's words.
    void showProblem(const Problem &problem);
    void showReady();
    // Whether the not-trained state offers Retrain (only the workspace can start one).
    void setRetrainOffered(bool offered);

signals:
    void retryRequested();
    void retrainRequested();

private:
    void setState(State state);

    State m_state = State::Loading;
    QStackedWidget *m_stack;
    QLabel *m_message;
    QPushButton *m_retry;
    QPushButton *m_retrain;
    QWidget *m_messagePage;
    QWidget *m_content;
    bool m_retrainOffered = true;
};

} // namespace keel::insights
