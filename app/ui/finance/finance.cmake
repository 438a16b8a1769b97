# keel-ui: Finance & Close workspace widgets
