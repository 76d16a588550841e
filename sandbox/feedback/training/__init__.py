"""Building and measuring the learned components: data, training, leave-one-author-out evaluation.

Used by `make train` and `make eval`; needs the dev requirements (scikit-learn, python-crfsuite's
trainer). The running engine never imports this package.
"""
