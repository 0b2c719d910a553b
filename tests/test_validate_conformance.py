"""twitter-text's own conformance suite (tests/conformance/twitter-text, kept
unchanged): the hashtag extractor of fov.data.hashtags and the weighted length that
the share snippets use (twitter-text-parser) pass every case."""

from __future__ import annotations

import json

import pytest
import yaml
from twitter_text import parse_tweet
from twitter_text.config import config as twitter_config

from conftest import CONFORMANCE
from fov.checks.snippets import x_weighted_length
from fov.data.hashtags import extract_hashtags, extract_hashtags_with_indices, is_valid_hashtag

SUITE = CONFORMANCE / "twitter-text"


def _cases(file: str, section: str) -> list:
    tests = yaml.safe_load((SUITE / file).read_text(encoding="utf-8"))["tests"]
    return [pytest.param(case, id=case["description"]) for case in tests[section]]


@pytest.mark.parametrize("case", _cases("extract.yml", "hashtags") + _cases("extract.yml", "hashtags_from_astral"))
def test_extracts_hashtags_as_twitter_text(case):
    assert extract_hashtags(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "hashtags_with_indices"))
def test_extracts_hashtags_with_indices_as_twitter_text(case):
    found = [{"hashtag": t.hashtag, "indices": t.indices} for t in extract_hashtags_with_indices(case["text"])]
    assert found == case["expected"]


@pytest.mark.parametrize("case", _cases("validate.yml", "hashtags"))
def test_validates_hashtags_as_twitter_text(case):
    assert is_valid_hashtag(case["text"]) is case["expected"]


@pytest.mark.parametrize("case", _cases("validate.yml", "WeightedTweetsCounterTest"))
def test_weighted_length_as_twitter_text(case):
    # twitter-text runs this suite with its version-2 weighting (emoji not discounted).
    options = {**twitter_config["version2"], "emoji_parsing_enabled": False}
    result = parse_tweet(case["text"], options).asdict()
    assert {key: result[key] for key in case["expected"]} == case["expected"]


@pytest.mark.parametrize("case", _cases("validate.yml", "WeightedTweetsWithDiscountedEmojiCounterTest")
                         + _cases("validate.yml", "UnicodeDirectionalMarkerCounterTest"))
def test_the_snippets_weighted_length_is_x_current_one(case):
    """What the share snippets count with (v3: emoji discounted) passes the v3 suites."""
    length, valid = x_weighted_length(case["text"])
    assert (length, valid) == (case["expected"]["weightedLength"], case["expected"]["valid"])


def test_the_library_weighting_is_the_published_v3_configuration():
    published = json.loads((SUITE / "v3.json").read_text(encoding="utf-8"))
    ours = twitter_config["defaults"]
    assert ours["version"] == published["version"] == 3
    assert ours["max_weighted_tweet_length"] == published["maxWeightedTweetLength"]
    assert ours["scale"] == published["scale"]
    assert ours["default_weight"] == published["defaultWeight"]
    assert ours["transformed_url_length"] == published["transformedURLLength"]
    assert ours["emoji_parsing_enabled"] == published["emojiParsingEnabled"]
    assert ours["ranges"] == published["ranges"]
