"""A learned second path for event typing: a small linear model trained here, on sentences the
team wrote (``training/``), shipped as data and run with numpy alone.

``features`` turns text into weighted features (the same code at training and at run time),
``model`` loads the shipped weights and predicts a PLOVER type (or none) with a probability,
``train`` fits the weights (``make train``; needs scikit-learn, the ``train`` extra).
"""
