#pragma once

#include "insights_answers.h"

#include <QWidget>

class QVBoxLayout;

namespace keel::insights {

// The reasons behind one result as readable sentences, each with a small signed bar when it
// has an effect (an opportunity's factor pushing the chance up or down).
class ReasonsView : public QWidget
{
    Q_OBJECT
public:
    explicit ReasonsView(QWidget *parent = nullptr);
    void setReasons(const QList<InsightsReason> &reasons);
    QStringList sentences() const { return m_sentences; }

private:
    QVBoxLayout *m_layout;
    QStringList m_sentences;
};

} // namespace keel::insights
