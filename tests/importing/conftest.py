"""The real region and topic data, read from the CSV files the data migrations load."""

import pytest

from articles.importing.datafiles import read_gazetteer, read_vocabulary
from articles.importing.gazetteer import Gazetteer
from articles.importing.vocabulary import Vocabulary


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return read_gazetteer()


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    return read_vocabulary()
